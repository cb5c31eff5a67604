// Looking up VPCs (the simulator serves each account's default VPC per region).

import { inject, injectable } from 'tsyringe';
import { idsNotFoundMessage, InvalidVpcIdNotFound } from './domain/ec2.errors';
import type { VpcRecord } from './domain/vpc';
import { Ec2Repository } from './ec2.repository';
import { NetworkBootstrap } from './network-bootstrap.service';

@injectable()
export class VpcService {
  constructor(
    @inject(Ec2Repository) private readonly repository: Ec2Repository,
    @inject(NetworkBootstrap) private readonly bootstrap: NetworkBootstrap,
  ) {}

  getVpc(accountId: string, region: string, vpcId: string): VpcRecord {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    const vpc = this.repository.vpcs.get({ accountId, region }, vpcId);
    if (!vpc) throw new InvalidVpcIdNotFound(idsNotFoundMessage('vpc', [vpcId]));
    return vpc;
  }

  listVpcs(accountId: string, region: string): VpcRecord[] {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    return this.repository.vpcs.list({ accountId, region });
  }
}
