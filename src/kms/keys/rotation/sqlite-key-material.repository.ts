// Key material versions and rotation settings as documents in the control plane's SQLite database.

import { DocumentStore } from '../../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../../adapters/sqlite/sqlite-database';
import type { KeyMaterialVersion, RotationSettings } from './key-material';
import type { KeyMaterialRepository } from './key-material.repository';

export class SqliteKeyMaterialRepository implements KeyMaterialRepository {
  private readonly versions: DocumentStore<KeyMaterialVersion>;
  private readonly rotations: DocumentStore<RotationSettings>;

  constructor(database: SqliteDatabase) {
    this.versions = new DocumentStore(database, 'kms_key_material_versions');
    this.rotations = new DocumentStore(database, 'kms_key_rotations');
  }

  getVersion(keyId: string, keyMaterialId: string): KeyMaterialVersion | undefined {
    return this.versions.get(`${keyId}/${keyMaterialId}`);
  }

  versionsOf(keyId: string): KeyMaterialVersion[] {
    return this.versions.list(keyId);
  }

  saveVersion(version: KeyMaterialVersion): void {
    this.versions.put(`${version.keyId}/${version.keyMaterialId}`, version.keyId, version);
  }

  deleteVersionsOf(keyId: string): void {
    for (const version of this.versionsOf(keyId)) this.versions.delete(`${keyId}/${version.keyMaterialId}`);
  }

  getRotation(keyId: string): RotationSettings | undefined {
    return this.rotations.get(keyId);
  }

  allRotations(): RotationSettings[] {
    return this.rotations.list();
  }

  saveRotation(settings: RotationSettings): void {
    this.rotations.put(settings.keyId, settings.keyId, settings);
  }

  deleteRotation(keyId: string): void {
    this.rotations.delete(keyId);
  }
}
