// Network interfaces that services create in the customer's subnets: an HSM's ENI (CloudHSM), a custom
// key store's ENIs (KMS). Each takes one private address of its subnet until it is released.

import { inject, injectable } from 'tsyringe';
import type { IdGenerator } from '../shared/ids';
import { pickPrivateAddress } from './domain/address-allocation';
import { idsNotFoundMessage, InvalidNetworkInterfaceIdNotFound, InvalidParameter } from './domain/ec2.errors';
import { DEFAULT_INTERFACE_TYPE, type NetworkInterfaceRecord } from './domain/network-interface';
import { DEFAULT_GROUP_NAME } from './domain/security-group';
import { subnetCidr } from './domain/subnet';
import { Ec2Repository } from './ec2.repository';
import { Ec2Tokens } from './ec2.tokens';
import { SecurityGroupService } from './security-groups.service';
import { SubnetService, type SubnetView } from './subnets.service';

export interface NetworkInterfaceRequest {
  readonly accountId: string;
  readonly region: string;
  readonly subnetId: string;
  /** The VPC's default group when empty, as CreateNetworkInterface does. */
  readonly securityGroupIds: readonly string[];
  readonly description: string;
  /** The service that owns the interface, e.g. 'cloudhsm' or 'kms'. */
  readonly requester: string;
  /** A free usable address of the subnet; the lowest free one when absent. */
  readonly ipAddress?: string;
  readonly interfaceType?: string;
}

@injectable()
export class NetworkInterfaceService {
  constructor(
    @inject(Ec2Repository) private readonly repository: Ec2Repository,
    @inject(SubnetService) private readonly subnets: SubnetService,
    @inject(SecurityGroupService) private readonly securityGroups: SecurityGroupService,
    @inject(Ec2Tokens.IdGenerator) private readonly ids: IdGenerator,
  ) {}

  allocateNetworkInterface(request: NetworkInterfaceRequest): NetworkInterfaceRecord {
    const { accountId, region } = request;
    return this.repository.transaction(() => {
      const subnet = this.subnets.getSubnet(accountId, region, request.subnetId);
      const groupIds = this.checkedGroups(subnet, request.securityGroupIds);
      const taken = this.networkInterfacesIn(accountId, region, subnet.id).map((eni) => eni.privateIpAddress);
      const eni: NetworkInterfaceRecord = {
        id: this.ids.ec2('eni'),
        accountId,
        region,
        vpcId: subnet.vpcId,
        subnetId: subnet.id,
        availabilityZone: subnet.availabilityZone,
        availabilityZoneId: subnet.availabilityZoneId,
        privateIpAddress: pickPrivateAddress(subnetCidr(subnet), taken, request.ipAddress),
        securityGroupIds: groupIds,
        description: request.description,
        requester: request.requester,
        interfaceType: request.interfaceType ?? DEFAULT_INTERFACE_TYPE,
      };
      this.repository.networkInterfaces.put(eni);
      return eni;
    });
  }

  releaseNetworkInterface(accountId: string, region: string, eniId: string): void {
    this.repository.transaction(() => this.repository.networkInterfaces.delete(this.getNetworkInterface(accountId, region, eniId)));
  }

  getNetworkInterface(accountId: string, region: string, eniId: string): NetworkInterfaceRecord {
    const eni = this.repository.networkInterfaces.get({ accountId, region }, eniId);
    if (!eni) throw new InvalidNetworkInterfaceIdNotFound(idsNotFoundMessage('networkInterface', [eniId]));
    return eni;
  }

  listNetworkInterfaces(accountId: string, region: string): NetworkInterfaceRecord[] {
    return this.repository.networkInterfaces.list({ accountId, region });
  }

  networkInterfacesIn(accountId: string, region: string, subnetId: string): NetworkInterfaceRecord[] {
    return this.listNetworkInterfaces(accountId, region).filter((eni) => eni.subnetId === subnetId);
  }

  private checkedGroups(subnet: SubnetView, securityGroupIds: readonly string[]): string[] {
    const { accountId, region } = subnet;
    if (securityGroupIds.length === 0) return [this.securityGroups.findSecurityGroupByName(accountId, region, DEFAULT_GROUP_NAME, subnet.vpcId).id];
    return [...new Set(securityGroupIds)].map((groupId) => {
      const group = this.securityGroups.getSecurityGroup(accountId, region, groupId);
      // API_CreateNetworkInterface: the security groups must belong to the subnet's VPC.
      if (group.vpcId !== subnet.vpcId) throw new InvalidParameter(`Security group ${group.id} and subnet ${subnet.id} belong to different networks.`);
      return group.id;
    });
  }
}
