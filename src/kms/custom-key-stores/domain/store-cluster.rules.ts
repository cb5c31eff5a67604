// Which clusters a store may use (aws-behaviour 2.1, 2.5): none another store of the account and Region
// uses or shares a backup history with, one related to the store's own, the one its trust anchor issued.

import { CloudHsmClusterInUseException, CloudHsmClusterNotRelatedException, IncorrectTrustAnchorException } from '../../kms.errors';
import type { ClusterFacts } from '../ports/cluster-directory.port';
import type { CustomKeyStoreRecord } from './custom-key-store';
import { isCertificate, sameCertificate } from './same-certificate';

// 2.1: a cluster already associated with a store, or sharing its backup history (ClusterCertificate) with one.
export function requireUnused(stores: readonly CustomKeyStoreRecord[], cluster: ClusterFacts): void {
  const associated = stores.find((store) => store.cloudHsmClusterId === cluster.clusterId);
  if (associated) {
    throw new CloudHsmClusterInUseException(
      `Cluster ${cluster.clusterId} is already associated with custom key store ${associated.customKeyStoreId} (${associated.name}). Each custom key store needs a cluster of its own: use another cluster, or delete that custom key store first.`,
    );
  }
  // SIM (open question 17): a shared backup history is a shared ClusterCertificate, compared as certificates.
  const certificate = cluster.clusterCertificate;
  const related = certificate === undefined ? undefined : stores.find((store) => sameCertificate(store.clusterCertificate, certificate));
  if (related) {
    throw new CloudHsmClusterInUseException(
      `Cluster ${cluster.clusterId} shares a backup history with cluster ${related.cloudHsmClusterId}, which custom key store ${related.customKeyStoreId} (${related.name}) uses. Use a cluster that was not created from a backup of that one, or delete that custom key store first.`,
    );
  }
}

// 2.5: the new cluster must share the current one's backup history (same ClusterCertificate).
export function requireRelated(store: CustomKeyStoreRecord, cluster: ClusterFacts): void {
  if (cluster.clusterCertificate && sameCertificate(store.clusterCertificate, cluster.clusterCertificate)) return;
  throw new CloudHsmClusterNotRelatedException(
    `Cluster ${cluster.clusterId} does not share a backup history with cluster ${store.cloudHsmClusterId} of custom key store ${store.customKeyStoreId}: its cluster certificate differs. Give a cluster created from a backup of ${store.cloudHsmClusterId} (or from the backup it was created from).`,
  );
}

// 2.1: the trust anchor must be the cluster's, the certificate given to InitializeCluster as TrustAnchor.
export function requireTrustAnchor(cluster: ClusterFacts, trustAnchor: string): void {
  if (!isCertificate(trustAnchor)) {
    throw new IncorrectTrustAnchorException(
      `The TrustAnchorCertificate is not a PEM certificate. Give the content of the customerCA.crt file you used to initialize cluster ${cluster.clusterId} (--trust-anchor-certificate file://customerCA.crt).`,
    );
  }
  if (cluster.trustAnchor && sameCertificate(cluster.trustAnchor, trustAnchor)) return;
  throw new IncorrectTrustAnchorException(
    `The TrustAnchorCertificate is not the trust anchor of cluster ${cluster.clusterId}. Give the certificate you passed as TrustAnchor to InitializeCluster (customerCA.crt), the one that issued the cluster's certificate.`,
  );
}
