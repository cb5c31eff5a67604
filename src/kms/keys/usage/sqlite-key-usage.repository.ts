// The last use of each key as a document in the control plane's SQLite database.

import { DocumentStore } from '../../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../../adapters/sqlite/sqlite-database';
import type { KeyUsageRecord } from './key-usage';
import type { KeyUsageRepository } from './key-usage.repository';

export class SqliteKeyUsageRepository implements KeyUsageRepository {
  private readonly usage: DocumentStore<KeyUsageRecord>;

  constructor(private readonly database: SqliteDatabase) {
    this.usage = new DocumentStore(database, 'kms_key_last_usage');
  }

  get(keyArn: string): KeyUsageRecord | undefined {
    return this.usage.get(keyArn);
  }

  saveAll(usages: readonly KeyUsageRecord[]): void {
    this.database.transaction(() => {
      for (const usage of usages) this.usage.put(usage.keyArn, usage.keyArn, usage);
    });
  }
}
