// After each step of the tour: where the cluster, its HSMs and the key store stand now.

import type { TourContext } from './tour-steps';

interface ClusterView {
  readonly ClusterId: string;
  readonly State: string;
  readonly Hsms: readonly { readonly HsmId: string; readonly State: string; readonly AvailabilityZone: string; readonly EniIp: string }[];
}

export async function describeState(context: TourContext): Promise<string[]> {
  const lines: string[] = [];
  const clusterId = context.values.get('clusterId');
  const storeId = context.values.get('storeId');
  const aws = (...args: string[]) => context.shell.run('aws', ['--endpoint-url', context.endpoint, '--region', context.region, '--output', 'json', ...args]);
  if (clusterId) {
    const result = await aws('cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${clusterId}`);
    const cluster = result.exitCode === 0 ? (JSON.parse(result.stdout) as { Clusters: ClusterView[] }).Clusters[0] : undefined;
    if (cluster) {
      lines.push(`cluster ${cluster.ClusterId}: ${cluster.State}`);
      for (const hsm of cluster.Hsms) lines.push(`  HSM ${hsm.HsmId}: ${hsm.State} in ${hsm.AvailabilityZone} at ${hsm.EniIp}`);
    }
  }
  if (storeId) {
    const result = await aws('kms', 'describe-custom-key-stores', '--custom-key-store-id', storeId);
    const store = result.exitCode === 0 ? (JSON.parse(result.stdout) as { CustomKeyStores: { ConnectionState: string; ConnectionErrorCode?: string }[] }).CustomKeyStores[0] : undefined;
    if (store) lines.push(`custom key store ${storeId}: ${store.ConnectionState}${store.ConnectionErrorCode ? ` (${store.ConnectionErrorCode})` : ''}`);
  }
  return lines;
}
