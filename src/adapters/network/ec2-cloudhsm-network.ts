// CloudHSM's view of the network, served by the simulated EC2: subnets, the cluster security group and
// the HSMs' ENIs are real EC2 objects, visible through DescribeSubnets, DescribeSecurityGroups and
// DescribeNetworkInterfaces.

import { inject, injectable } from 'tsyringe';
import type { CloudHsmNetwork, SubnetInfo } from '../../cloudhsm/ports/cloudhsm-network.port';
import { NetworkInterfaceService } from '../../ec2/network-interfaces.service';
import { SecurityGroupService } from '../../ec2/security-groups.service';
import { SubnetService } from '../../ec2/subnets.service';

/** aws-behaviour 6.9: the cluster's HSMs talk to each other and to clients on TCP 2223-2225. */
const HSM_PORTS = { FromPort: 2223, ToPort: 2225 } as const;

@injectable()
export class Ec2CloudHsmNetwork implements CloudHsmNetwork {
  constructor(
    @inject(SubnetService) private readonly subnets: SubnetService,
    @inject(SecurityGroupService) private readonly groups: SecurityGroupService,
    @inject(NetworkInterfaceService) private readonly interfaces: NetworkInterfaceService,
  ) {}

  subnet(accountId: string, region: string, subnetId: string): SubnetInfo | undefined {
    const subnet = this.subnets.listSubnets(accountId, region).find((candidate) => candidate.id === subnetId);
    return subnet && { subnetId: subnet.id, vpcId: subnet.vpcId, availabilityZone: subnet.availabilityZone };
  }

  createClusterSecurityGroup(accountId: string, region: string, vpcId: string, clusterId: string): string {
    // 6.9: `cloudhsm-cluster-<clusterID>-sg`; our cluster ids carry the `cluster-` prefix already.
    const group = this.groups.createSecurityGroup(accountId, region, { groupName: `cloudhsm-${clusterId}-sg`, description: `Security group for CloudHSM cluster ${clusterId}`, vpcId });
    const withinItself = [{ IpProtocol: 'tcp', ...HSM_PORTS, UserIdGroupPairs: [{ GroupId: group.id }] }];
    this.groups.revoke(accountId, region, group.id, 'egress', { permissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    this.groups.authorize(accountId, region, group.id, 'ingress', withinItself);
    this.groups.authorize(accountId, region, group.id, 'egress', withinItself);
    return group.id;
  }

  deleteSecurityGroup(accountId: string, region: string, groupId: string): void {
    this.groups.deleteSecurityGroup(accountId, region, groupId);
  }

  allocateNetworkInterface(request: Parameters<CloudHsmNetwork['allocateNetworkInterface']>[0]): { eniId: string; ipAddress: string } {
    const eni = this.interfaces.allocateNetworkInterface({
      accountId: request.accountId,
      region: request.region,
      subnetId: request.subnetId,
      securityGroupIds: [request.securityGroupId],
      description: request.description,
      requester: 'cloudhsm',
      ...(request.ipAddress ? { ipAddress: request.ipAddress } : {}),
    });
    return { eniId: eni.id, ipAddress: eni.privateIpAddress };
  }

  releaseNetworkInterface(accountId: string, region: string, eniId: string): void {
    this.interfaces.releaseNetworkInterface(accountId, region, eniId);
  }
}
