// The control plane's embedded database: one SQLite file in the data directory, WAL, one transaction
// per API mutation (DESIGN decision 7). Aggregates are stored as JSON documents, one table per kind.

import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentCache } from './document-cache';

export const IN_MEMORY = ':memory:';

export class SqliteDatabase {
  private readonly db: Database.Database;
  private readonly knownKinds = new Set<string>();
  private readonly caches = new Map<string, DocumentCache>();

  constructor(file: string) {
    if (file !== IN_MEMORY) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database's mode.
      closeSync(openSync(file, 'a', 0o600));
      // A data directory made by an older version: its files were 0644.
      for (const part of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(part)) chmodSync(part, 0o600);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: an acknowledged mutation survives a power cut, not only a process crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
  }

  /** Runs `work` in one transaction: everything it writes is committed together, or nothing is. */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // A read inside the transaction may have cached a document the rollback has just undone.
      for (const cache of this.caches.values()) cache.clear();
      throw error;
    }
  }

  /** The decoded documents of one kind, shared by every DocumentStore of that kind on this database. */
  documentCache(kind: string): DocumentCache {
    let cache = this.caches.get(kind);
    if (!cache) {
      cache = new DocumentCache();
      this.caches.set(kind, cache);
    }
    return cache;
  }

  /** The table for one kind of document, created on first use. */
  ensureKind(kind: string): void {
    if (this.knownKinds.has(kind)) return;
    if (!/^[a-z_]+$/.test(kind)) throw new Error(`invalid document kind: ${kind}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${kind} (id TEXT PRIMARY KEY, scope TEXT NOT NULL, body TEXT NOT NULL)`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${kind}_scope ON ${kind} (scope)`);
    this.knownKinds.add(kind);
  }

  prepare(sql: string): Database.Statement {
    return this.db.prepare(sql);
  }

  close(): void {
    this.db.close();
  }
}
