// Finds what a plan runs against: the custom key store (by id, or the first CONNECTED one for `auto`),
// its cluster, the cluster's HSMs and zones.

import { AwsClients } from './aws-clients';
import type { HsmView, RunContext } from './run-context';

interface StoreEntry {
  readonly CustomKeyStoreId: string;
  readonly CustomKeyStoreName: string;
  readonly CloudHsmClusterId?: string;
  readonly ConnectionState: string;
  readonly CustomKeyStoreType?: string;
}

interface ClusterEntry {
  readonly ClusterId: string;
  readonly SubnetMapping?: Record<string, string>;
  readonly Hsms?: readonly { readonly HsmId: string; readonly AvailabilityZone: string; readonly EniIp?: string; readonly State: string }[];
}

export class TargetError extends Error {}

export async function resolveTarget(clients: AwsClients, region: string, customKeyStoreId: string): Promise<RunContext> {
  const store = await findStore(clients, customKeyStoreId);
  if (!store.CloudHsmClusterId) throw new TargetError(`custom key store ${store.CustomKeyStoreId} has no CloudHSM cluster (is it an external key store?)`);
  const { Clusters } = await clients.call<{ Clusters: ClusterEntry[] }>({ service: 'cloudhsmv2', operation: 'DescribeClusters', input: { Filters: { clusterIds: [store.CloudHsmClusterId] } } });
  const cluster = Clusters[0];
  if (!cluster) throw new TargetError(`cluster ${store.CloudHsmClusterId} of store ${store.CustomKeyStoreId} is not found by DescribeClusters`);
  const hsms = hsmViews(cluster);
  const zones = [...new Set([...Object.keys(cluster.SubnetMapping ?? {}), ...hsms.map((hsm) => hsm.availabilityZone)])].sort();
  return { region, store: { id: store.CustomKeyStoreId, name: store.CustomKeyStoreName }, cluster: { id: cluster.ClusterId }, hsms, zones, probe: {}, steps: {} };
}

export function hsmViews(cluster: ClusterEntry): HsmView[] {
  return (cluster.Hsms ?? []).map((hsm) => ({ id: hsm.HsmId, availabilityZone: hsm.AvailabilityZone, eniIp: hsm.EniIp ?? '', state: hsm.State }));
}

async function findStore(clients: AwsClients, customKeyStoreId: string): Promise<StoreEntry> {
  if (customKeyStoreId !== 'auto') {
    const { CustomKeyStores } = await clients.call<{ CustomKeyStores: StoreEntry[] }>({ service: 'kms', operation: 'DescribeCustomKeyStores', input: { CustomKeyStoreId: customKeyStoreId } });
    return CustomKeyStores[0]!;
  }
  const stores: StoreEntry[] = [];
  let marker: string | undefined;
  do {
    const page = await clients.call<{ CustomKeyStores: StoreEntry[]; NextMarker?: string }>({ service: 'kms', operation: 'DescribeCustomKeyStores', input: marker ? { Marker: marker } : {} });
    stores.push(...page.CustomKeyStores);
    marker = page.NextMarker;
  } while (marker);
  const connected = stores.find((store) => store.ConnectionState === 'CONNECTED' && (store.CustomKeyStoreType ?? 'AWS_CLOUDHSM') === 'AWS_CLOUDHSM');
  if (!connected) {
    throw new TargetError(`target "auto" found no CONNECTED CloudHSM key store (stores: ${stores.map((store) => `${store.CustomKeyStoreId} ${store.ConnectionState}`).join(', ') || 'none'}); connect one, or name one with target.customKeyStoreId`);
  }
  return connected;
}

/**
 * For `auto` with no Region named: the first of `candidates` that has a CONNECTED CloudHSM key store (the
 * simulator's default Region, and us-east-2 where the tour and the AWS guide's examples build theirs).
 */
export async function regionWithConnectedStore(endpoint: string, candidates: readonly string[]): Promise<string | undefined> {
  for (const region of candidates) {
    const clients = new AwsClients(endpoint, region);
    try {
      await findStore(clients, 'auto');
      return region;
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
    } finally {
      clients.destroy();
    }
  }
  return undefined;
}
