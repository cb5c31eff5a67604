// What `cloudhsm-sim start --preset` prints once the preset is there: every id, the CA file, and where
// the CO's password is (the preset file); no password is ever printed, stdout is often kept as a log.

import type { PresetResult } from '../presets/preset-result';

export function presetSummaryLines(result: PresetResult, endpoint: string): string[] {
  const lines = [
    result.alreadyApplied
      ? `cloudhsm-sim: preset ${result.name} is already in this data directory (applied ${result.appliedAt}); nothing to create`
      : `cloudhsm-sim: preset ${result.name} applied in ${(result.tookMs / 1000).toFixed(2)} s (${result.source})`,
  ];
  for (const cluster of result.clusters) {
    lines.push(`cloudhsm-sim: cluster ${cluster.clusterId}  ${cluster.state}  HSMs ${cluster.hsmIds.join(', ')}`);
    lines.push(`cloudhsm-sim: CA file ${cluster.caFile}`);
    lines.push(`cloudhsm-sim: CO ${cluster.admin.username}  (its password is in ${result.source})`);
    lines.push(`cloudhsm-sim: try  cloudhsm-sim cmu --cluster-id ${cluster.clusterId} --endpoint ${endpoint} --ca-file ${cluster.caFile}`);
  }
  for (const store of result.customKeyStores) lines.push(`cloudhsm-sim: custom key store ${store.customKeyStoreId}  ${store.name}  ${store.connectionState}`);
  for (const key of result.keys) lines.push(`cloudhsm-sim: key ${key.keyId}${key.customKeyStoreId ? `  in ${key.customKeyStoreId}` : ''}`);
  for (const alias of result.aliases) lines.push(`cloudhsm-sim: alias ${alias}`);
  return lines;
}
