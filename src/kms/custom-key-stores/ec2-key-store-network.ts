// KMS's view of the customer's VPC, served by the simulated EC2: its security group and ENIs are real EC2
// objects, visible through DescribeSecurityGroups and DescribeNetworkInterfaces (RequesterId kms).

import { inject, injectable } from 'tsyringe';
import { InvalidGroupNotFound, InvalidNetworkInterfaceIdNotFound } from '../../ec2/domain/ec2.errors';
import { NetworkInterfaceService } from '../../ec2/network-interfaces.service';
import { SecurityGroupService } from '../../ec2/security-groups.service';
import { SubnetService } from '../../ec2/subnets.service';
import type { KeyStoreNetwork, NewKeyStoreInterface, NewKeyStoreSecurityGroup, RuleDirection, SubnetFacts } from './ports/key-store-network.port';

/** aws-behaviour 6.9: clients reach the HSMs on TCP 2223-2225. */
const HSM_PORTS = { from: 2223, to: 2225 } as const;
const EVERYWHERE = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

@injectable()
export class Ec2KeyStoreNetwork implements KeyStoreNetwork {
  constructor(
    @inject(SubnetService) private readonly subnets: SubnetService,
    @inject(SecurityGroupService) private readonly groups: SecurityGroupService,
    @inject(NetworkInterfaceService) private readonly interfaces: NetworkInterfaceService,
  ) {}

  subnet(accountId: string, region: string, subnetId: string): SubnetFacts | undefined {
    const subnet = this.subnets.listSubnets(accountId, region).find((candidate) => candidate.id === subnetId);
    return subnet && { subnetId: subnet.id, availabilityZone: subnet.availabilityZone, freeAddresses: subnet.availableIpAddressCount };
  }

  missingHsmPortRules(accountId: string, region: string, groupId: string): readonly RuleDirection[] | undefined {
    return ignoring(InvalidGroupNotFound, () => this.groups.allowsTcpPortsWithin(accountId, region, groupId, HSM_PORTS.from, HSM_PORTS.to).missing);
  }

  createSecurityGroup(request: NewKeyStoreSecurityGroup): string {
    const { accountId, region } = request;
    const group = this.groups.createSecurityGroup(accountId, region, { groupName: request.groupName, description: request.description, vpcId: request.vpcId });
    // 2.16: the service-linked role may revoke egress: KMS's group keeps only its ingress rule.
    this.groups.revoke(accountId, region, group.id, 'egress', { permissions: EVERYWHERE });
    this.groups.authorize(accountId, region, group.id, 'ingress', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: request.ingressFromGroupId }] }]);
    return group.id;
  }

  deleteSecurityGroup(accountId: string, region: string, groupId: string): void {
    ignoring(InvalidGroupNotFound, () => this.groups.deleteSecurityGroup(accountId, region, groupId));
  }

  createNetworkInterface(request: NewKeyStoreInterface): string {
    return this.interfaces.allocateNetworkInterface({ ...request, requester: 'kms' }).id;
  }

  deleteNetworkInterface(accountId: string, region: string, eniId: string): void {
    ignoring(InvalidNetworkInterfaceIdNotFound, () => this.interfaces.releaseNetworkInterface(accountId, region, eniId));
  }
}

/** Runs `work`; an error of class `gone` (the object no longer exists) gives undefined instead. */
function ignoring<T>(gone: abstract new (message: string) => Error, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof gone) return undefined;
    throw error;
  }
}
