// The decoded documents of one kind, kept after their first read: the hot path of every KMS request reads
// its key and its key store, and decoding the JSON each time cost a quarter of the main process's CPU
// (profiled under `npm run bench`). Each reader gets its own shallow copy, so services may set a field of a
// record before saving it, as they do; what lies deeper is deep-frozen and shared, so editing it in place
// fails loudly instead of changing what the next reader sees. Buffers cannot be frozen: they are shared
// too, and read-only by the same rule. Writes go to SQLite first and then drop the entry; SqliteDatabase
// empties every cache when a transaction rolls back.

/** Enough for every key of a few full clusters (3,300 keys each); beyond it the oldest entry goes. */
const MAX_ENTRIES = 20_000;

export class DocumentCache {
  private readonly entries = new Map<string, unknown>();

  /** A copy of the remembered document; undefined if none. */
  get<T extends object>(id: string): T | undefined {
    const document = this.entries.get(id) as T | undefined;
    return document === undefined ? undefined : { ...document };
  }

  /** Remembers a document and returns a copy of it. */
  remember<T extends object>(id: string, document: T): T {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, deepFreeze(document));
    return { ...document };
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  // A Buffer cannot be frozen (its bytes are not properties); a Date's state is not in properties either.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
