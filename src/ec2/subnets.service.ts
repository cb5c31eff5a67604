// Subnets: lookups with their free address counts, and CreateSubnet / DeleteSubnet.

import { inject, injectable } from 'tsyringe';
import type { IdGenerator } from '../shared/ids';
import type { AvailabilityZone } from './domain/availability-zones';
import { DependencyViolation, idsNotFoundMessage, InvalidParameterCombination, InvalidParameterValue, InvalidSubnetIdNotFound } from './domain/ec2.errors';
import type { Ec2Scope } from './domain/ec2-scope';
import { formatCidr } from './domain/ipv4';
import { checkNewSubnetCidr, subnetCidr, usableAddressCount, type SubnetRecord } from './domain/subnet';
import { Ec2Repository } from './ec2.repository';
import { Ec2Tokens } from './ec2.tokens';
import { NetworkBootstrap } from './network-bootstrap.service';
import { VpcService } from './vpcs.service';

export type SubnetView = SubnetRecord & {
  /** Usable addresses (the block less AWS's five reserved ones) not taken by a network interface. */
  readonly availableIpAddressCount: number;
};

export interface NewSubnet {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone?: string;
  readonly availabilityZoneId?: string;
}

@injectable()
export class SubnetService {
  constructor(
    @inject(Ec2Repository) private readonly repository: Ec2Repository,
    @inject(NetworkBootstrap) private readonly bootstrap: NetworkBootstrap,
    @inject(VpcService) private readonly vpcs: VpcService,
    @inject(Ec2Tokens.IdGenerator) private readonly ids: IdGenerator,
  ) {}

  getSubnet(accountId: string, region: string, subnetId: string): SubnetView {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    const subnet = this.repository.subnets.get({ accountId, region }, subnetId);
    if (!subnet) throw new InvalidSubnetIdNotFound(idsNotFoundMessage('subnet', [subnetId]));
    return this.view(subnet);
  }

  /** The subnets of the account in the region, or of one of its VPCs. */
  listSubnets(accountId: string, region: string, vpcId?: string): SubnetView[] {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    const subnets = this.repository.subnets.list({ accountId, region });
    return subnets.filter((subnet) => vpcId === undefined || subnet.vpcId === vpcId).map((subnet) => this.view(subnet));
  }

  createSubnet(accountId: string, region: string, request: NewSubnet): SubnetView {
    return this.repository.transaction(() => {
      const vpc = this.vpcs.getVpc(accountId, region, request.vpcId);
      const zone = this.chooseZone(region, request);
      const siblings = this.repository.subnets.list({ accountId, region }).filter((subnet) => subnet.vpcId === vpc.id);
      const cidr = checkNewSubnetCidr(vpc, siblings, request.cidrBlock);
      const subnet: SubnetRecord = {
        id: this.ids.ec2('subnet'),
        accountId,
        region,
        vpcId: vpc.id,
        cidrBlock: formatCidr(cidr),
        availabilityZone: zone.zoneName,
        availabilityZoneId: zone.zoneId,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
      };
      this.repository.subnets.put(subnet);
      return this.view(subnet);
    });
  }

  deleteSubnet(accountId: string, region: string, subnetId: string): void {
    this.repository.transaction(() => {
      const subnet = this.getSubnet(accountId, region, subnetId);
      // API_DeleteSubnet: "You must terminate all running instances in the subnet before you can delete the subnet."
      if (this.interfacesIn({ accountId, region }, subnetId) > 0) {
        throw new DependencyViolation(`The subnet '${subnetId}' has dependencies and cannot be deleted.`);
      }
      this.repository.subnets.delete(subnet);
    });
  }

  private chooseZone(region: string, request: NewSubnet): AvailabilityZone {
    const zones = this.bootstrap.availabilityZones(region);
    const byName = request.availabilityZone === undefined ? undefined : zones.find((zone) => zone.zoneName === request.availabilityZone);
    const byId = request.availabilityZoneId === undefined ? undefined : zones.find((zone) => zone.zoneId === request.availabilityZoneId);
    const valid = zones.map((zone) => zone.zoneName).join(', ');
    if (request.availabilityZone !== undefined && !byName) {
      throw new InvalidParameterValue(`Value (${request.availabilityZone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${valid}.`);
    }
    if (request.availabilityZoneId !== undefined && !byId) {
      throw new InvalidParameterValue(`Value (${request.availabilityZoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: ${valid}.`);
    }
    if (byName && byId && byName !== byId) {
      throw new InvalidParameterCombination(`The availability zone ${byName.zoneName} is not the zone ${byId.zoneId}`);
    }
    // SIM: without a zone AWS picks one; the simulator takes the region's first.
    return byName ?? byId ?? zones[0]!;
  }

  private view(subnet: SubnetRecord): SubnetView {
    const used = this.interfacesIn(subnet, subnet.id);
    return { ...subnet, availableIpAddressCount: usableAddressCount(subnetCidr(subnet)) - used };
  }

  private interfacesIn(scope: Ec2Scope, subnetId: string): number {
    return this.repository.networkInterfaces.list(scope).filter((eni) => eni.subnetId === subnetId).length;
  }
}
