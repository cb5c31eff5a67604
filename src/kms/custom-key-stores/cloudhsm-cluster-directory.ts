// KMS's view of CloudHSM, served by the simulated CloudHSM control plane: the cluster record and where
// each of its HSMs listens.

import { inject, injectable } from 'tsyringe';
import { CloudHsmTokens } from '../../cloudhsm/cloudhsm.tokens';
import { ClusterState } from '../../cloudhsm/domain/cluster.states';
import { HsmService } from '../../cloudhsm/hsm.service';
import type { ClusterRepository } from '../../cloudhsm/ports/cluster.repository';
import type { ClusterDirectory, ClusterFacts } from './ports/cluster-directory.port';

@injectable()
export class CloudHsmClusterDirectory implements ClusterDirectory {
  constructor(
    @inject(CloudHsmTokens.ClusterRepository) private readonly repository: Pick<ClusterRepository, 'getCluster'>,
    @inject(HsmService) private readonly hsms: Pick<HsmService, 'hsmAddresses'>,
  ) {}

  cluster(accountId: string, region: string, clusterId: string): ClusterFacts | undefined {
    const cluster = this.repository.getCluster(clusterId);
    if (!cluster || cluster.accountId !== accountId || cluster.region !== region || cluster.state === ClusterState.DELETED) return undefined;
    return {
      clusterId: cluster.clusterId,
      state: cluster.state,
      vpcId: cluster.vpcId,
      securityGroup: cluster.securityGroup,
      subnetMapping: cluster.subnetMapping,
      ...(cluster.trustAnchor ? { trustAnchor: cluster.trustAnchor } : {}),
      ...(cluster.certificates.ClusterCertificate ? { clusterCertificate: cluster.certificates.ClusterCertificate } : {}),
      hsms: (this.hsms.hsmAddresses(clusterId) ?? []).map(({ hsm, address }) => ({
        hsmId: hsm.hsmId,
        availabilityZone: hsm.availabilityZone,
        subnetId: hsm.subnetId,
        state: hsm.state,
        ...(address ? { endpoint: { host: address.host, crypto: address.crypto } } : {}),
      })),
    };
  }
}
