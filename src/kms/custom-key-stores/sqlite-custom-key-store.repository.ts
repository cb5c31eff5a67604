// Custom key stores as documents in the control plane's SQLite database, scoped by account and Region.

import { DocumentStore } from '../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../adapters/sqlite/sqlite-database';
import type { CustomKeyStoreRecord } from './domain/custom-key-store';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';

export class SqliteCustomKeyStoreRepository implements CustomKeyStoreRepository {
  private readonly stores: DocumentStore<CustomKeyStoreRecord>;

  constructor(private readonly database: SqliteDatabase) {
    this.stores = new DocumentStore(database, 'kms_custom_key_stores');
  }

  transaction<T>(work: () => T): T {
    return this.database.transaction(work);
  }

  get(customKeyStoreId: string): CustomKeyStoreRecord | undefined {
    return this.stores.get(customKeyStoreId);
  }

  list(accountId: string, region: string): CustomKeyStoreRecord[] {
    return this.stores.list(`${accountId}/${region}`);
  }

  all(): CustomKeyStoreRecord[] {
    return this.stores.list();
  }

  save(store: CustomKeyStoreRecord): void {
    this.stores.put(store.customKeyStoreId, `${store.accountId}/${store.region}`, store);
  }

  delete(customKeyStoreId: string): void {
    this.stores.delete(customKeyStoreId);
  }
}
