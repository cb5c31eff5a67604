// The request and response shapes of the EC2 operations served, as named by EC2's model
// (src/wire/models/ec2.model.json); only the members the simulator reads or writes.

import type { IpPermission } from '../domain/ip-permissions';

/** What a handler needs of the wire's request context. */
export interface RequestScope {
  readonly accountId: string;
  readonly region: string;
}

export type Filter = { readonly Name?: string; readonly Values?: readonly string[] };
export type TagSpecification = { readonly ResourceType?: string; readonly Tags?: readonly { readonly Key?: string; readonly Value?: string }[] };

type DryRunnable = { readonly DryRun?: boolean };
type Filtered = { readonly Filters?: readonly Filter[] };
type Paged = { readonly MaxResults?: number; readonly NextToken?: string };

export type DescribeAvailabilityZonesRequest = DryRunnable & Filtered & {
  readonly ZoneNames?: readonly string[];
  readonly ZoneIds?: readonly string[];
  readonly AllAvailabilityZones?: boolean;
};
export type DescribeVpcsRequest = DryRunnable & Filtered & Paged & { readonly VpcIds?: readonly string[] };
export type DescribeSubnetsRequest = DryRunnable & Filtered & Paged & { readonly SubnetIds?: readonly string[] };
export type CreateSubnetRequest = DryRunnable & {
  readonly VpcId: string;
  readonly CidrBlock?: string;
  readonly AvailabilityZone?: string;
  readonly AvailabilityZoneId?: string;
  readonly Ipv6CidrBlock?: string;
  readonly Ipv6Native?: boolean;
  readonly Ipv4IpamPoolId?: string;
  readonly Ipv6IpamPoolId?: string;
  readonly OutpostArn?: string;
  readonly TagSpecifications?: readonly TagSpecification[];
};
export type DeleteSubnetRequest = DryRunnable & { readonly SubnetId: string };
export type DescribeSecurityGroupsRequest = DryRunnable & Filtered & Paged & {
  readonly GroupIds?: readonly string[];
  readonly GroupNames?: readonly string[];
};
export type CreateSecurityGroupRequest = DryRunnable & {
  readonly GroupName: string;
  readonly Description: string;
  readonly VpcId?: string;
  readonly TagSpecifications?: readonly TagSpecification[];
};
export type DeleteSecurityGroupRequest = DryRunnable & { readonly GroupId?: string; readonly GroupName?: string };
/** Authorize and Revoke, ingress and egress (egress has no GroupName; only Revoke has SecurityGroupRuleIds). */
export type SecurityGroupRulesRequest = DryRunnable & {
  readonly GroupId?: string;
  readonly GroupName?: string;
  readonly IpPermissions?: readonly IpPermission[];
  readonly CidrIp?: string;
  readonly IpProtocol?: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly SourceSecurityGroupName?: string;
  readonly SourceSecurityGroupOwnerId?: string;
  readonly SecurityGroupRuleIds?: readonly string[];
  readonly TagSpecifications?: readonly TagSpecification[];
};
export type DescribeNetworkInterfacesRequest = DryRunnable & Filtered & Paged & {
  readonly NetworkInterfaceIds?: readonly string[];
  readonly IncludeManagedResources?: boolean;
};

export type AvailabilityZoneShape = {
  readonly ZoneName: string;
  readonly ZoneId: string;
  readonly RegionName: string;
  readonly State: 'available';
  readonly OptInStatus: 'opt-in-not-required';
  readonly Messages: readonly { readonly Message: string }[];
  readonly GroupName: string;
  readonly NetworkBorderGroup: string;
  readonly ZoneType: 'availability-zone';
};

type BlockPublicAccessStates = { readonly InternetGatewayBlockMode: 'off' };

export type VpcShape = {
  readonly VpcId: string;
  readonly OwnerId: string;
  readonly State: 'available';
  readonly CidrBlock: string;
  readonly CidrBlockAssociationSet: readonly {
    readonly AssociationId: string;
    readonly CidrBlock: string;
    readonly CidrBlockState: { readonly State: 'associated' };
  }[];
  readonly DhcpOptionsId: string;
  readonly InstanceTenancy: 'default';
  readonly IsDefault: boolean;
  readonly BlockPublicAccessStates: BlockPublicAccessStates;
};

export type SubnetShape = {
  readonly SubnetId: string;
  readonly SubnetArn: string;
  readonly VpcId: string;
  readonly OwnerId: string;
  readonly State: 'available';
  readonly CidrBlock: string;
  readonly AvailabilityZone: string;
  readonly AvailabilityZoneId: string;
  readonly AvailableIpAddressCount: number;
  readonly DefaultForAz: boolean;
  readonly MapPublicIpOnLaunch: boolean;
  readonly MapCustomerOwnedIpOnLaunch: boolean;
  readonly AssignIpv6AddressOnCreation: boolean;
  readonly Ipv6CidrBlockAssociationSet: readonly never[];
  readonly Ipv6Native: boolean;
  readonly EnableDns64: boolean;
  readonly PrivateDnsNameOptionsOnLaunch: {
    readonly HostnameType: 'ip-name';
    readonly EnableResourceNameDnsARecord: boolean;
    readonly EnableResourceNameDnsAAAARecord: boolean;
  };
  readonly BlockPublicAccessStates: BlockPublicAccessStates;
};

export type SecurityGroupShape = {
  readonly GroupId: string;
  readonly GroupName: string;
  readonly Description: string;
  readonly VpcId: string;
  readonly OwnerId: string;
  readonly SecurityGroupArn: string;
  readonly IpPermissions: readonly IpPermission[];
  readonly IpPermissionsEgress: readonly IpPermission[];
};

export type SecurityGroupRuleShape = {
  readonly SecurityGroupRuleId: string;
  readonly SecurityGroupRuleArn: string;
  readonly GroupId: string;
  readonly GroupOwnerId: string;
  readonly IsEgress: boolean;
  readonly IpProtocol: string;
  readonly FromPort: number;
  readonly ToPort: number;
  readonly CidrIpv4?: string;
  readonly ReferencedGroupInfo?: { readonly GroupId: string; readonly UserId: string };
  readonly Description?: string;
};

export type RevokedSecurityGroupRuleShape = {
  readonly SecurityGroupRuleId: string;
  readonly GroupId: string;
  readonly IsEgress: boolean;
  readonly IpProtocol: string;
  readonly FromPort: number;
  readonly ToPort: number;
  readonly CidrIpv4?: string;
  readonly ReferencedGroupId?: string;
  readonly Description?: string;
};

export type NetworkInterfaceShape = {
  readonly NetworkInterfaceId: string;
  readonly SubnetId: string;
  readonly VpcId: string;
  readonly AvailabilityZone: string;
  readonly AvailabilityZoneId: string;
  readonly OwnerId: string;
  readonly Description: string;
  readonly Groups: readonly { readonly GroupId: string; readonly GroupName: string }[];
  readonly InterfaceType: string;
  readonly PrivateIpAddress: string;
  readonly PrivateDnsName: string;
  readonly PrivateIpAddresses: readonly { readonly Primary: boolean; readonly PrivateIpAddress: string; readonly PrivateDnsName: string }[];
  readonly Ipv6Addresses: readonly never[];
  readonly RequesterId: string;
  readonly RequesterManaged: boolean;
  readonly SourceDestCheck: boolean;
  readonly Status: 'in-use';
  readonly TagSet: readonly never[];
};

/** Each operation's request and response. */
export interface Ec2Operations {
  DescribeAvailabilityZones: { input: DescribeAvailabilityZonesRequest; output: { AvailabilityZones: AvailabilityZoneShape[] } };
  DescribeVpcs: { input: DescribeVpcsRequest; output: { Vpcs: VpcShape[]; NextToken?: string } };
  DescribeSubnets: { input: DescribeSubnetsRequest; output: { Subnets: SubnetShape[]; NextToken?: string } };
  CreateSubnet: { input: CreateSubnetRequest; output: { Subnet: SubnetShape } };
  DeleteSubnet: { input: DeleteSubnetRequest; output: Record<string, never> };
  DescribeSecurityGroups: { input: DescribeSecurityGroupsRequest; output: { SecurityGroups: SecurityGroupShape[]; NextToken?: string } };
  CreateSecurityGroup: { input: CreateSecurityGroupRequest; output: { GroupId: string; SecurityGroupArn: string } };
  DeleteSecurityGroup: { input: DeleteSecurityGroupRequest; output: { Return: true; GroupId: string } };
  AuthorizeSecurityGroupIngress: { input: SecurityGroupRulesRequest; output: { Return: true; SecurityGroupRules: SecurityGroupRuleShape[] } };
  AuthorizeSecurityGroupEgress: { input: SecurityGroupRulesRequest; output: { Return: true; SecurityGroupRules: SecurityGroupRuleShape[] } };
  RevokeSecurityGroupIngress: { input: SecurityGroupRulesRequest; output: RevokeOutput };
  RevokeSecurityGroupEgress: { input: SecurityGroupRulesRequest; output: RevokeOutput };
  DescribeNetworkInterfaces: { input: DescribeNetworkInterfacesRequest; output: { NetworkInterfaces: NetworkInterfaceShape[]; NextToken?: string } };
}

type RevokeOutput = { Return: true; RevokedSecurityGroupRules: RevokedSecurityGroupRuleShape[]; UnknownIpPermissions?: IpPermission[] };

export type Ec2Operation = keyof Ec2Operations;

export type Ec2HandlerMap = {
  readonly [Operation in Ec2Operation]: (input: Ec2Operations[Operation]['input'], context: RequestScope) => Ec2Operations[Operation]['output'];
};
