// Which clusters the "Create key store" form offers, and why it greys out the others: the rules
// CreateCustomKeyStore enforces (aws-behaviour 2.1 and 5), read from describe views.

import type { ClusterShape } from '../cloudhsm/domain/cloudhsm.shapes';

/** undefined when a new custom key store may use the cluster; otherwise the reason, in a few words. */
export function notEligibleBecause(cluster: ClusterShape, stores: readonly { readonly CloudHsmClusterId: string; readonly CustomKeyStoreId: string }[]): string | undefined {
  // 5: the cluster State must be ACTIVE (initialized and activated).
  if (cluster.State !== 'ACTIVE') return `not ACTIVE (${cluster.State})`;
  // 2.1: CloudHsmClusterInUseException - the cluster is associated with another custom key store.
  const user = stores.find((store) => store.CloudHsmClusterId === cluster.ClusterId);
  if (user) return `already used by ${user.CustomKeyStoreId}`;
  // 2.1: at least two ACTIVE HSMs in different Availability Zones.
  const zones = new Set(cluster.Hsms.filter((hsm) => hsm.State === 'ACTIVE').map((hsm) => hsm.AvailabilityZone));
  if (zones.size < 2) return 'fewer than two ACTIVE HSMs in different zones';
  return undefined;
}
