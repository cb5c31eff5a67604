// DescribeSubnets, CreateSubnet, DeleteSubnet.

import { ec2Arn } from '../domain/ec2-scope';
import { idsNotFoundMessage, InvalidParameterValue, InvalidSubnetIdNotFound, MissingParameter } from '../domain/ec2.errors';
import type { SubnetService, SubnetView } from '../subnets.service';
import { nextTokenOf, paginate, selectByIds } from './describe';
import type { CreateSubnetRequest, Ec2HandlerMap, SubnetShape } from './ec2-api.types';
import { applyFilters, type FilterTable } from './filters';

// API_DescribeSubnets: availabilityZone, cidr / cidrBlock and defaultForAz are accepted as other names of the filters.
const SUBNET_FILTERS: FilterTable<SubnetShape> = {
  'subnet-id': (subnet) => [subnet.SubnetId],
  'subnet-arn': (subnet) => [subnet.SubnetArn],
  'vpc-id': (subnet) => [subnet.VpcId],
  'availability-zone': (subnet) => [subnet.AvailabilityZone],
  availabilityZone: (subnet) => [subnet.AvailabilityZone],
  'availability-zone-id': (subnet) => [subnet.AvailabilityZoneId],
  'available-ip-address-count': (subnet) => [subnet.AvailableIpAddressCount],
  'cidr-block': (subnet) => [subnet.CidrBlock],
  cidr: (subnet) => [subnet.CidrBlock],
  cidrBlock: (subnet) => [subnet.CidrBlock],
  'default-for-az': (subnet) => [subnet.DefaultForAz],
  defaultForAz: (subnet) => [subnet.DefaultForAz],
  'map-public-ip-on-launch': (subnet) => [subnet.MapPublicIpOnLaunch],
  'ipv6-native': (subnet) => [subnet.Ipv6Native],
  'owner-id': (subnet) => [subnet.OwnerId],
  state: (subnet) => [subnet.State],
};

export function subnetHandlers(subnets: SubnetService): Pick<Ec2HandlerMap, 'DescribeSubnets' | 'CreateSubnet' | 'DeleteSubnet'> {
  return {
    DescribeSubnets: (input, context) => {
      const all = subnets.listSubnets(context.accountId, context.region).map(presentSubnet);
      const chosen = selectByIds(all, input.SubnetIds, (subnet) => subnet.SubnetId, (missing) => new InvalidSubnetIdNotFound(idsNotFoundMessage('subnet', missing)));
      const page = paginate(applyFilters(chosen, input.Filters, SUBNET_FILTERS), input.MaxResults, input.NextToken);
      return { Subnets: page.items, ...nextTokenOf(page) };
    },

    // SIM: TagSpecifications are accepted and not kept.
    CreateSubnet: (input, context) => {
      const subnet = subnets.createSubnet(context.accountId, context.region, {
        vpcId: input.VpcId,
        cidrBlock: ipv4CidrOf(input),
        ...(input.AvailabilityZone === undefined ? {} : { availabilityZone: input.AvailabilityZone }),
        ...(input.AvailabilityZoneId === undefined ? {} : { availabilityZoneId: input.AvailabilityZoneId }),
      });
      return { Subnet: presentSubnet(subnet) };
    },

    DeleteSubnet: (input, context) => {
      subnets.deleteSubnet(context.accountId, context.region, input.SubnetId);
      return {};
    },
  };
}

function ipv4CidrOf(input: CreateSubnetRequest): string {
  // SIM: IPv6, IPAM pools and Outposts are not simulated; CloudHSM clusters for KMS are IPv4 (aws-behaviour 5).
  const unsupported = [input.Ipv6CidrBlock, input.Ipv6Native, input.Ipv4IpamPoolId, input.Ipv6IpamPoolId, input.OutpostArn].some((value) => value !== undefined);
  if (unsupported) throw new InvalidParameterValue('The simulator creates IPv4 subnets from a CidrBlock only');
  if (input.CidrBlock === undefined) throw new MissingParameter('The request must contain the parameter cidrBlock');
  return input.CidrBlock;
}

function presentSubnet(subnet: SubnetView): SubnetShape {
  return {
    SubnetId: subnet.id,
    SubnetArn: ec2Arn(subnet, `subnet/${subnet.id}`),
    VpcId: subnet.vpcId,
    OwnerId: subnet.accountId,
    State: 'available',
    CidrBlock: subnet.cidrBlock,
    AvailabilityZone: subnet.availabilityZone,
    AvailabilityZoneId: subnet.availabilityZoneId,
    AvailableIpAddressCount: subnet.availableIpAddressCount,
    DefaultForAz: subnet.defaultForAz,
    MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
    MapCustomerOwnedIpOnLaunch: false,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Ipv6Native: false,
    EnableDns64: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}
