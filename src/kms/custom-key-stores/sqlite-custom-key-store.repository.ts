// Custom key stores as documents in the control plane's SQLite database, scoped by account and Region.
// kmsuser's password is stored sealed (key-store-password.sealer.ts), never in clear; a record written
// by an older version, with the password in clear, is still read, and sealed when the repository opens.

import { DocumentStore } from '../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../adapters/sqlite/sqlite-database';
import type { CustomKeyStoreRecord } from './domain/custom-key-store';
import type { KeyStorePasswordSealer } from './key-store-password.sealer';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';

/** The stored document: the record with its password sealed (or, before this version, in clear). */
interface StoredKeyStore {
  readonly [key: string]: unknown;
  readonly customKeyStoreId: string;
  readonly keyStorePassword?: string;
  readonly sealedKeyStorePassword?: string;
  readonly sealedPendingKeyStorePassword?: string;
}

export class SqliteCustomKeyStoreRepository implements CustomKeyStoreRepository {
  private readonly stores: DocumentStore<StoredKeyStore>;

  constructor(
    private readonly database: SqliteDatabase,
    private readonly sealer: KeyStorePasswordSealer,
  ) {
    this.stores = new DocumentStore(database, 'kms_custom_key_stores');
    this.sealOldRecords();
  }

  transaction<T>(work: () => T): T {
    return this.database.transaction(work);
  }

  get(customKeyStoreId: string): CustomKeyStoreRecord | undefined {
    const stored = this.stores.get(customKeyStoreId);
    return stored ? this.unseal(stored) : undefined;
  }

  list(accountId: string, region: string): CustomKeyStoreRecord[] {
    return this.stores.list(`${accountId}/${region}`).map((stored) => this.unseal(stored));
  }

  all(): CustomKeyStoreRecord[] {
    return this.stores.list().map((stored) => this.unseal(stored));
  }

  save(store: CustomKeyStoreRecord): void {
    const { keyStorePassword, pendingKeyStorePassword, ...rest } = store;
    const id = store.customKeyStoreId;
    this.stores.put(id, `${store.accountId}/${store.region}`, {
      ...rest,
      sealedKeyStorePassword: this.sealer.seal(id, keyStorePassword),
      ...(pendingKeyStorePassword !== undefined ? { sealedPendingKeyStorePassword: this.sealer.seal(id, pendingKeyStorePassword) } : {}),
    });
  }

  delete(customKeyStoreId: string): void {
    this.stores.delete(customKeyStoreId);
  }

  private unseal(stored: StoredKeyStore): CustomKeyStoreRecord {
    const { sealedKeyStorePassword, sealedPendingKeyStorePassword, keyStorePassword, ...rest } = stored;
    const id = stored.customKeyStoreId;
    const password = sealedKeyStorePassword !== undefined ? this.sealer.open(id, sealedKeyStorePassword) : keyStorePassword;
    if (password === undefined) throw new Error(`custom key store ${id} has no password record`);
    const pending = sealedPendingKeyStorePassword !== undefined ? { pendingKeyStorePassword: this.sealer.open(id, sealedPendingKeyStorePassword) } : {};
    return { ...rest, keyStorePassword: password, ...pending } as CustomKeyStoreRecord;
  }

  /**
   * Migration: records from before passwords were sealed are rewritten sealed, in one transaction; then
   * the database is checkpointed and vacuumed, so the old pages with the password in clear are gone too.
   */
  private sealOldRecords(): void {
    const old = this.stores.list().filter((stored) => stored.sealedKeyStorePassword === undefined);
    if (old.length === 0) return;
    this.database.transaction(() => old.forEach((stored) => this.save(this.unseal(stored))));
    this.database.prepare('PRAGMA wal_checkpoint(TRUNCATE)').run();
    this.database.prepare('VACUUM').run();
    this.database.prepare('PRAGMA wal_checkpoint(TRUNCATE)').run();
  }
}
