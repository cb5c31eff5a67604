// KMS keys, aliases and sealed key material as documents in the control plane's SQLite database.

import { DocumentStore } from '../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../adapters/sqlite/sqlite-database';
import type { AliasRecord, KmsKeyRecord } from './domain/kms-key';
import type { KmsKeyRepository } from './ports/kms-key.repository';

type SealedMaterial = { readonly sealed: Buffer };

function scopeOf(accountId: string, region: string): string {
  return `${accountId}/${region}`;
}

/** A multi-Region key id names one key per Region of its set (multi-region/). */
function documentId(keyId: string, region: string | undefined): string {
  return keyId.startsWith('mrk-') ? `${keyId}@${region ?? ''}` : keyId;
}

export class SqliteKmsKeyRepository implements KmsKeyRepository {
  private readonly keys: DocumentStore<KmsKeyRecord>;
  private readonly material: DocumentStore<SealedMaterial>;
  private readonly aliases: DocumentStore<AliasRecord>;

  constructor(private readonly database: SqliteDatabase) {
    this.keys = new DocumentStore(database, 'kms_keys');
    this.material = new DocumentStore(database, 'kms_key_material');
    this.aliases = new DocumentStore(database, 'kms_aliases');
  }

  transaction<T>(work: () => T): T {
    return this.database.transaction(work);
  }

  getKey(keyId: string, region?: string): KmsKeyRecord | undefined {
    return this.keys.get(documentId(keyId, region));
  }

  keysOf(accountId: string, region: string): KmsKeyRecord[] {
    return this.keys.list(scopeOf(accountId, region));
  }

  allKeys(): KmsKeyRecord[] {
    return this.keys.list();
  }

  saveKey(key: KmsKeyRecord): void {
    this.keys.put(documentId(key.keyId, key.region), scopeOf(key.accountId, key.region), key);
  }

  getMaterial(keyId: string): Buffer | undefined {
    return this.material.get(keyId)?.sealed;
  }

  saveMaterial(keyId: string, sealed: Buffer): void {
    this.material.put(keyId, keyId, { sealed });
  }

  deleteMaterial(keyId: string): void {
    this.material.delete(keyId);
  }

  getAlias(accountId: string, region: string, aliasName: string): AliasRecord | undefined {
    return this.aliases.get(`${scopeOf(accountId, region)}/${aliasName}`);
  }

  aliasesOf(accountId: string, region: string): AliasRecord[] {
    return this.aliases.list(scopeOf(accountId, region));
  }

  saveAlias(alias: AliasRecord): void {
    const scope = scopeOf(alias.accountId, alias.region);
    this.aliases.put(`${scope}/${alias.aliasName}`, scope, alias);
  }

  deleteAlias(accountId: string, region: string, aliasName: string): void {
    this.aliases.delete(`${scopeOf(accountId, region)}/${aliasName}`);
  }
}
