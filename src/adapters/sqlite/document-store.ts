// Documents of one kind in the SQLite database: put, get, delete, list by scope (e.g. a region).
// Values are JSON; Dates and Buffers are revived on the way back. get may answer from the cache
// (document-cache.ts): its top-level fields are the caller's own, what lies deeper is frozen.

import type Database from 'better-sqlite3';
import type { DocumentCache } from './document-cache';
import type { SqliteDatabase } from './sqlite-database';

export class DocumentStore<T extends { readonly [key: string]: unknown }> {
  private readonly upsert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly listScope: Database.Statement;
  private readonly listAll: Database.Statement;
  private readonly cache: DocumentCache;

  constructor(database: SqliteDatabase, kind: string) {
    database.ensureKind(kind);
    this.cache = database.documentCache(kind);
    this.upsert = database.prepare(`INSERT INTO ${kind} (id, scope, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET scope = excluded.scope, body = excluded.body`);
    this.select = database.prepare(`SELECT body FROM ${kind} WHERE id = ?`);
    this.remove = database.prepare(`DELETE FROM ${kind} WHERE id = ?`);
    this.listScope = database.prepare(`SELECT body FROM ${kind} WHERE scope = ? ORDER BY rowid`);
    this.listAll = database.prepare(`SELECT body FROM ${kind} ORDER BY rowid`);
  }

  put(id: string, scope: string, value: T): void {
    this.upsert.run(id, scope, encode(value));
    this.cache.forget(id);
  }

  get(id: string): T | undefined {
    const cached = this.cache.get<T>(id);
    if (cached !== undefined) return cached;
    const row = this.select.get(id) as { body: string } | undefined;
    return row ? this.cache.remember(id, decode<T>(row.body)) : undefined;
  }

  delete(id: string): void {
    this.remove.run(id);
    this.cache.forget(id);
  }

  list(scope?: string): T[] {
    const rows = (scope === undefined ? this.listAll.all() : this.listScope.all(scope)) as { body: string }[];
    return rows.map((row) => decode<T>(row.body));
  }
}

const DATE = '$date';
const BYTES = '$bytes';

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, inner: unknown) {
    const original = this[key];
    if (original instanceof Date) return { [DATE]: original.toISOString() };
    if (Buffer.isBuffer(original)) return { [BYTES]: original.toString('base64') };
    return inner;
  });
}

function decode<T>(body: string): T {
  return JSON.parse(body, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === DATE) return new Date((value as Record<string, string>)[DATE]!);
      if (keys.length === 1 && keys[0] === BYTES) return Buffer.from((value as Record<string, string>)[BYTES]!, 'base64');
    }
    return value;
  }) as T;
}
