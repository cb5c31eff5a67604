// KeyMetadata.MultiRegionConfiguration (API_MultiRegionConfiguration): the key's role, its primary key and
// "all replica keys", the key itself included when it is a replica.

import type { MultiRegionConfigurationShape } from '../domain/key-metadata.view';
import { isLive, type KmsKeyRecord } from '../domain/kms-key';

/** The keys of `key`'s multi-Region set that still live, among `all`; undefined for a single-Region key. */
export function multiRegionSet(key: KmsKeyRecord, all: readonly KmsKeyRecord[]): KmsKeyRecord[] | undefined {
  if (!key.multiRegion) return undefined;
  return all.filter((other) => other.keyId === key.keyId && other.accountId === key.accountId && isLive(other));
}

export function multiRegionConfiguration(key: KmsKeyRecord, all: readonly KmsKeyRecord[]): MultiRegionConfigurationShape | undefined {
  const set = multiRegionSet(key, all);
  if (!set || !key.multiRegion) return undefined;
  const { primaryRegion } = key.multiRegion;
  const primary = set.find((member) => member.region === primaryRegion);
  const entry = (member: KmsKeyRecord): { Arn: string; Region: string } => ({ Arn: member.arn, Region: member.region });
  return {
    MultiRegionKeyType: key.region === primaryRegion ? 'PRIMARY' : 'REPLICA',
    PrimaryKey: primary ? entry(primary) : { Arn: key.arn.replace(`:${key.region}:`, `:${primaryRegion}:`), Region: primaryRegion },
    ReplicaKeys: set.filter((member) => member.region !== primaryRegion).map(entry),
  };
}
