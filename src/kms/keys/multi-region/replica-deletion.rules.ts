// Deleting a multi-Region primary key (API_ScheduleKeyDeletion): "If the KMS key is a multi-Region primary
// key with replica keys, the waiting period begins when the last of its replica keys is deleted";
// until then the primary key is PendingReplicaDeletion.

import { isLive, type KmsKeyRecord } from '../domain/kms-key';
import { StoredKeyState } from '../domain/kms-key.states';

function isPrimary(key: KmsKeyRecord): boolean {
  return key.multiRegion !== undefined && key.multiRegion.primaryRegion === key.region;
}

/** True when `key` is a multi-Region primary key with a replica that still lives, among `all`. */
export function hasLiveReplicas(key: KmsKeyRecord, all: readonly KmsKeyRecord[]): boolean {
  return isPrimary(key) && all.some((other) => other.keyId === key.keyId && other.accountId === key.accountId && other.region !== key.region && isLive(other));
}

/** After replica `deleted` was deleted: its primary key, when it waits in PendingReplicaDeletion and no replica is left. */
export function primaryReleasedBy(deleted: KmsKeyRecord, all: readonly KmsKeyRecord[]): KmsKeyRecord | undefined {
  if (!deleted.multiRegion || isPrimary(deleted)) return undefined;
  const primary = all.find((other) => other.keyId === deleted.keyId && other.accountId === deleted.accountId && other.region === deleted.multiRegion?.primaryRegion);
  if (primary?.state !== StoredKeyState.PendingReplicaDeletion || hasLiveReplicas(primary, all)) return undefined;
  return primary;
}
