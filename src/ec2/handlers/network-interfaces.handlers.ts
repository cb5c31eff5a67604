// DescribeNetworkInterfaces.

import { idsNotFoundMessage, InvalidNetworkInterfaceIdNotFound } from '../domain/ec2.errors';
import type { NetworkInterfaceRecord } from '../domain/network-interface';
import type { NetworkInterfaceService } from '../network-interfaces.service';
import type { SecurityGroupService } from '../security-groups.service';
import { nextTokenOf, paginate, selectByIds } from './describe';
import type { Ec2HandlerMap, NetworkInterfaceShape } from './ec2-api.types';
import { applyFilters, type FilterTable } from './filters';

const INTERFACE_FILTERS: FilterTable<NetworkInterfaceShape> = {
  'network-interface-id': (eni) => [eni.NetworkInterfaceId],
  'subnet-id': (eni) => [eni.SubnetId],
  'vpc-id': (eni) => [eni.VpcId],
  'availability-zone': (eni) => [eni.AvailabilityZone],
  description: (eni) => [eni.Description],
  'private-ip-address': (eni) => [eni.PrivateIpAddress],
  'addresses.private-ip-address': (eni) => eni.PrivateIpAddresses.map((address) => address.PrivateIpAddress),
  'addresses.primary': (eni) => eni.PrivateIpAddresses.map((address) => address.Primary),
  'private-dns-name': (eni) => [eni.PrivateDnsName],
  'group-id': (eni) => eni.Groups.map((group) => group.GroupId),
  'group-name': (eni) => eni.Groups.map((group) => group.GroupName),
  'interface-type': (eni) => [eni.InterfaceType],
  'owner-id': (eni) => [eni.OwnerId],
  'requester-id': (eni) => [eni.RequesterId],
  'requester-managed': (eni) => [eni.RequesterManaged],
  'source-dest-check': (eni) => [eni.SourceDestCheck],
  status: (eni) => [eni.Status],
};

export function networkInterfaceHandlers(
  networkInterfaces: NetworkInterfaceService,
  securityGroups: SecurityGroupService,
): Pick<Ec2HandlerMap, 'DescribeNetworkInterfaces'> {
  return {
    DescribeNetworkInterfaces: (input, context) => {
      const groupNames = new Map(securityGroups.listSecurityGroups(context.accountId, context.region).map((group) => [group.id, group.name]));
      const all = networkInterfaces.listNetworkInterfaces(context.accountId, context.region).map((eni) => presentInterface(eni, groupNames));
      const chosen = selectByIds(
        all,
        input.NetworkInterfaceIds,
        (eni) => eni.NetworkInterfaceId,
        (missing) => new InvalidNetworkInterfaceIdNotFound(idsNotFoundMessage('networkInterface', missing)),
      );
      const page = paginate(applyFilters(chosen, input.Filters, INTERFACE_FILTERS), input.MaxResults, input.NextToken);
      return { NetworkInterfaces: page.items, ...nextTokenOf(page) };
    },
  };
}

// vpc-dns: private DNS names are ip-<address>.ec2.internal in us-east-1 and ip-<address>.<region>.compute.internal elsewhere.
function privateDnsName(eni: NetworkInterfaceRecord): string {
  const host = `ip-${eni.privateIpAddress.replace(/\./g, '-')}`;
  return eni.region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${eni.region}.compute.internal`;
}

function presentInterface(eni: NetworkInterfaceRecord, groupNames: ReadonlyMap<string, string>): NetworkInterfaceShape {
  const dnsName = privateDnsName(eni);
  return {
    NetworkInterfaceId: eni.id,
    SubnetId: eni.subnetId,
    VpcId: eni.vpcId,
    AvailabilityZone: eni.availabilityZone,
    AvailabilityZoneId: eni.availabilityZoneId,
    OwnerId: eni.accountId,
    Description: eni.description,
    Groups: eni.securityGroupIds.map((groupId) => ({ GroupId: groupId, GroupName: groupNames.get(groupId) ?? '' })),
    InterfaceType: eni.interfaceType,
    PrivateIpAddress: eni.privateIpAddress,
    PrivateDnsName: dnsName,
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: eni.privateIpAddress, PrivateDnsName: dnsName }],
    Ipv6Addresses: [],
    // SIM: RequesterId names the service ('cloudhsm', 'kms'); AWS shows the requesting principal's id.
    RequesterId: eni.requester,
    RequesterManaged: true,
    SourceDestCheck: true,
    Status: 'in-use',
    TagSet: [],
  };
}
