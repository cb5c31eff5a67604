// The default network of an account in a region, created and stored the first time anything there
// asks for it; and the region's availability zones.

import { inject, injectable } from 'tsyringe';
import type { IdGenerator } from '../shared/ids';
import { availabilityZonesOf, type AvailabilityZone } from './domain/availability-zones';
import { planDefaultNetwork } from './domain/default-network';
import type { Ec2Scope } from './domain/ec2-scope';
import type { VpcRecord } from './domain/vpc';
import { Ec2Repository } from './ec2.repository';
import { Ec2Tokens } from './ec2.tokens';

@injectable()
export class NetworkBootstrap {
  constructor(
    @inject(Ec2Repository) private readonly repository: Ec2Repository,
    @inject(Ec2Tokens.IdGenerator) private readonly ids: IdGenerator,
  ) {}

  /** The default VPC of the account in the region, with its subnets and default group created on first use. */
  ensureDefaultNetwork(accountId: string, region: string): VpcRecord {
    const scope: Ec2Scope = { accountId, region };
    return this.repository.transaction(() => {
      const existing = this.repository.vpcs.list(scope).find((vpc) => vpc.isDefault);
      if (existing) return existing;
      const network = planDefaultNetwork(scope, (prefix) => this.ids.ec2(prefix));
      this.repository.vpcs.put(network.vpc);
      for (const subnet of network.subnets) this.repository.subnets.put(subnet);
      this.repository.securityGroups.put(network.securityGroup);
      return network.vpc;
    });
  }

  availabilityZones(region: string): AvailabilityZone[] {
    return availabilityZonesOf(region);
  }
}
