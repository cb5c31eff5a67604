// Grants as documents in the control plane's SQLite database, scoped by key.

import { DocumentStore } from '../../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../../adapters/sqlite/sqlite-database';
import type { GrantRecord } from './grant';
import type { GrantRepository } from './grant.repository';

function keyScope(accountId: string, region: string, keyId: string): string {
  return `${accountId}/${region}/${keyId}`;
}

export class SqliteGrantRepository implements GrantRepository {
  private readonly grants: DocumentStore<GrantRecord>;

  constructor(database: SqliteDatabase) {
    this.grants = new DocumentStore(database, 'kms_grants');
  }

  getGrant(grantId: string): GrantRecord | undefined {
    return this.grants.get(grantId);
  }

  grantsOf(accountId: string, region: string, keyId: string): GrantRecord[] {
    return this.grants.list(keyScope(accountId, region, keyId));
  }

  grantsIn(accountId: string, region: string): GrantRecord[] {
    return this.grants.list().filter((grant) => grant.accountId === accountId && grant.region === region);
  }

  saveGrant(grant: GrantRecord): void {
    this.grants.put(grant.grantId, keyScope(grant.accountId, grant.region, grant.keyId), grant);
  }

  deleteGrant(grantId: string): void {
    this.grants.delete(grantId);
  }

  deleteGrantsOf(accountId: string, region: string, keyId: string): void {
    for (const grant of this.grantsOf(accountId, region, keyId)) this.grants.delete(grant.grantId);
  }
}
