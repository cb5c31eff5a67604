// The network plumbing of a connection (aws-behaviour 2.2 step 3): security group `kms-<store id>` and one
// ENI in each of the cluster's subnets, recorded on the store as each is made so that a failed connect, a
// disconnect or a restart releases exactly what exists.

import { inject, injectable } from 'tsyringe';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { CustomKeyStoreRecord, KeyStorePlumbing } from './domain/custom-key-store';
import type { ClusterFacts } from './ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';
import type { KeyStoreNetwork } from './ports/key-store-network.port';

@injectable()
export class KeyStoreInterfaces {
  constructor(
    @inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository,
    @inject(CustomKeyStoreTokens.Network) private readonly network: KeyStoreNetwork,
  ) {}

  build(store: CustomKeyStoreRecord, cluster: ClusterFacts): void {
    const { accountId, region, customKeyStoreId } = store;
    // 2.2 step 3 (open question 19): the group is named after the store, kms-<custom key store ID>.
    const securityGroupId = this.network.createSecurityGroup({
      accountId,
      region,
      vpcId: cluster.vpcId,
      groupName: `kms-${customKeyStoreId}`,
      description: `KMS managed security group for custom key store ${customKeyStoreId}`,
      ingressFromGroupId: cluster.securityGroup,
    });
    let plumbing: KeyStorePlumbing = { securityGroupId, networkInterfaceIds: [] };
    this.record(customKeyStoreId, plumbing);
    for (const subnetId of Object.values(cluster.subnetMapping)) {
      const eniId = this.network.createNetworkInterface({
        accountId,
        region,
        subnetId,
        securityGroupIds: [securityGroupId, cluster.securityGroup],
        description: `KMS managed ENI for cluster ${cluster.clusterId}`,
      });
      plumbing = { securityGroupId, networkInterfaceIds: [...plumbing.networkInterfaceIds, eniId] };
      this.record(customKeyStoreId, plumbing);
    }
  }

  /** Deletes the store's ENIs, then its group; nothing to do when it has none. */
  release(customKeyStoreId: string): void {
    const store = this.repository.get(customKeyStoreId);
    const plumbing = store?.plumbing;
    if (!store || !plumbing) return;
    for (const eniId of plumbing.networkInterfaceIds) this.network.deleteNetworkInterface(store.accountId, store.region, eniId);
    this.network.deleteSecurityGroup(store.accountId, store.region, plumbing.securityGroupId);
    this.record(customKeyStoreId, undefined);
  }

  private record(customKeyStoreId: string, plumbing: KeyStorePlumbing | undefined): void {
    this.repository.transaction(() => {
      const store = this.repository.get(customKeyStoreId);
      if (!store) return;
      if (plumbing) store.plumbing = plumbing;
      else delete store.plumbing;
      this.repository.save(store);
    });
  }
}
