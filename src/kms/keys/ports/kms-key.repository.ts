// Where KMS keys, their aliases and the sealed material of AWS_KMS keys are kept.

import type { AliasRecord, KmsKeyRecord } from '../domain/kms-key';

export interface KmsKeyRepository {
  /** Everything `work` writes is committed together, or nothing is. */
  transaction<T>(work: () => T): T;

  /** `region` is needed for a multi-Region (mrk-) key id, which names one key in each Region of its set. */
  getKey(keyId: string, region?: string): KmsKeyRecord | undefined;
  /** The keys of one account and Region, oldest first, Deleted ones included. */
  keysOf(accountId: string, region: string): KmsKeyRecord[];
  /** Every key of every account and Region. */
  allKeys(): KmsKeyRecord[];
  saveKey(key: KmsKeyRecord): void;

  /** AWS_KMS key material, sealed by the KeyMaterialVault. */
  getMaterial(keyId: string): Buffer | undefined;
  saveMaterial(keyId: string, sealed: Buffer): void;
  deleteMaterial(keyId: string): void;

  getAlias(accountId: string, region: string, aliasName: string): AliasRecord | undefined;
  /** Oldest first. */
  aliasesOf(accountId: string, region: string): AliasRecord[];
  saveAlias(alias: AliasRecord): void;
  deleteAlias(accountId: string, region: string, aliasName: string): void;
}
