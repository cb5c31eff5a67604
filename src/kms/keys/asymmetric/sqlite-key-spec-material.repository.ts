// The sealed material of asymmetric and HMAC keys as documents in the control plane's SQLite database.

import { DocumentStore } from '../../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../../adapters/sqlite/sqlite-database';
import type { KeySpecMaterialRepository, SealedKeySpecMaterial } from '../ports/key-spec-material.repository';

export class SqliteKeySpecMaterialRepository implements KeySpecMaterialRepository {
  private readonly material: DocumentStore<SealedKeySpecMaterial>;

  constructor(database: SqliteDatabase) {
    this.material = new DocumentStore(database, 'kms_key_spec_material');
  }

  get(keyId: string): SealedKeySpecMaterial | undefined {
    return this.material.get(keyId);
  }

  save(keyId: string, material: SealedKeySpecMaterial): void {
    this.material.put(keyId, keyId, material);
  }

  delete(keyId: string): void {
    this.material.delete(keyId);
  }
}
