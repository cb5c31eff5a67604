// The node's durable state in `<node folder>/node-state.sqlite`: meta values (engine PINs, activation,
// counters), users and token keys. Every method is synchronous and each mutation a committed transaction
// by the time it returns, so a method that resolves after calling it has acknowledged durable state.

import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { UserReplica } from './node-snapshot';
import type { KeyClassName, KeyTypeName, KeyView, Role, UserKeyAttributes } from './node.types';

export const STATE_FILE = 'node-state.sqlite';

export const MetaName = {
  SO_PIN: 'so_pin',
  USER_PIN: 'user_pin',
  ACTIVATED: 'activated',
  LAST_USER_ID: 'last_user_id',
  NEXT_KEY_SEQUENCE: 'next_key_sequence',
} as const;
export type MetaName = (typeof MetaName)[keyof typeof MetaName];

export type UserRow = UserReplica;

export interface KeyRow {
  readonly view: KeyView;
  /** CKA_ID of the engine object. */
  readonly uid: Buffer;
  /** Public keys: their SubjectPublicKeyInfo (DER). */
  readonly publicKeySpki?: Buffer;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    two_factor_public_key TEXT,
    login_failures INTEGER NOT NULL,
    locked INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS keys (
    handle INTEGER PRIMARY KEY,
    uid BLOB NOT NULL UNIQUE,
    class TEXT NOT NULL,
    key_type TEXT NOT NULL,
    size TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    shared_with TEXT NOT NULL,
    pair_handle INTEGER,
    created_at TEXT NOT NULL,
    public_key_spki BLOB
  );
`;

interface UserRecord {
  id: number;
  username: string;
  role: Role;
  password_hash: string;
  two_factor_public_key: string | null;
  login_failures: number;
  locked: number;
}

interface KeyRecordRow {
  handle: number;
  uid: Buffer;
  class: KeyClassName;
  key_type: KeyTypeName;
  size: string;
  owner_id: number;
  attributes: string;
  shared_with: string;
  pair_handle: number | null;
  created_at: string;
  public_key_spki: Buffer | null;
}

type StoredAttributes = Omit<UserKeyAttributes, 'id'> & { readonly id: string };

export class NodeStateRepository {
  private constructor(private readonly db: Database.Database) {}

  /** Opens or creates the state file; the folder is private to the node (mode 0700). */
  static open(directory: string): NodeStateRepository {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    chmodSync(directory, 0o700);
    const db = new Database(join(directory, STATE_FILE));
    db.pragma('journal_mode = WAL');
    // acknowledged = durable: each commit reaches the disk before the call returns
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    return new NodeStateRepository(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }

  meta(name: MetaName): string | undefined {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?').get(name)?.value;
  }

  setMeta(name: MetaName, value: string): void {
    this.db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  users(): UserRow[] {
    return this.db.prepare<[], UserRecord>('SELECT * FROM users ORDER BY id').all().map(toUserRow);
  }

  userByName(username: string): UserRow | undefined {
    const record = this.db.prepare<[string], UserRecord>('SELECT * FROM users WHERE username = ?').get(username);
    return record && toUserRow(record);
  }

  userById(id: number): UserRow | undefined {
    const record = this.db.prepare<[number], UserRecord>('SELECT * FROM users WHERE id = ?').get(id);
    return record && toUserRow(record);
  }

  userCount(): number {
    return this.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM users').get()?.count ?? 0;
  }

  /** Inserts the user, or replaces the one with its id. */
  saveUser(user: UserRow): void {
    this.db
      .prepare(
        `INSERT INTO users (id, username, role, password_hash, two_factor_public_key, login_failures, locked)
         VALUES (@id, @username, @role, @password_hash, @two_factor_public_key, @login_failures, @locked)
         ON CONFLICT(id) DO UPDATE SET username = excluded.username, role = excluded.role, password_hash = excluded.password_hash,
           two_factor_public_key = excluded.two_factor_public_key, login_failures = excluded.login_failures, locked = excluded.locked`,
      )
      .run(toUserRecord(user));
  }

  deleteUser(id: number): void {
    this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
  }

  deleteAllUsers(): void {
    this.db.prepare('DELETE FROM users').run();
  }

  keys(): KeyRow[] {
    return this.db.prepare<[], KeyRecordRow>('SELECT * FROM keys ORDER BY handle').all().map(toKeyRow);
  }

  insertKey(key: KeyRow): void {
    this.db
      .prepare(
        `INSERT INTO keys (handle, uid, class, key_type, size, owner_id, attributes, shared_with, pair_handle, created_at, public_key_spki)
         VALUES (@handle, @uid, @class, @key_type, @size, @owner_id, @attributes, @shared_with, @pair_handle, @created_at, @public_key_spki)`,
      )
      .run(toKeyRecord(key));
  }

  /** Owner, shares, pair and attributes; the key's class, type, size and material never change. */
  updateKeyView(view: KeyView): void {
    const { handle, owner_id, attributes, shared_with, pair_handle } = viewColumns(view);
    this.db
      .prepare('UPDATE keys SET owner_id = @owner_id, attributes = @attributes, shared_with = @shared_with, pair_handle = @pair_handle WHERE handle = @handle')
      .run({ handle, owner_id, attributes, shared_with, pair_handle });
  }

  deleteKey(handle: number): void {
    this.db.prepare('DELETE FROM keys WHERE handle = ?').run(handle);
  }
}

function toUserRow(record: UserRecord): UserRow {
  return {
    id: record.id,
    username: record.username,
    role: record.role,
    passwordHash: record.password_hash,
    ...(record.two_factor_public_key === null ? {} : { twoFactorPublicKeyPem: record.two_factor_public_key }),
    loginFailures: record.login_failures,
    locked: record.locked === 1,
  };
}

function toUserRecord(user: UserRow): UserRecord {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    password_hash: user.passwordHash,
    two_factor_public_key: user.twoFactorPublicKeyPem ?? null,
    login_failures: user.loginFailures,
    locked: user.locked ? 1 : 0,
  };
}

function toKeyRow(record: KeyRecordRow): KeyRow {
  const { id, ...flags } = JSON.parse(record.attributes) as StoredAttributes;
  const view: KeyView = {
    ...flags,
    id: Buffer.from(id, 'hex'),
    handle: record.handle,
    class: record.class,
    keyType: record.key_type,
    size: JSON.parse(record.size) as number | string,
    ownerId: record.owner_id,
    sharedWith: JSON.parse(record.shared_with) as number[],
    ...(record.pair_handle === null ? {} : { pairHandle: record.pair_handle }),
    createdAt: record.created_at,
  };
  return { view, uid: record.uid, ...(record.public_key_spki === null ? {} : { publicKeySpki: record.public_key_spki }) };
}

function toKeyRecord(key: KeyRow): KeyRecordRow {
  return { ...viewColumns(key.view), uid: key.uid, public_key_spki: key.publicKeySpki ?? null };
}

function viewColumns(view: KeyView): Omit<KeyRecordRow, 'uid' | 'public_key_spki'> {
  const attributes: StoredAttributes = {
    label: view.label,
    id: view.id.toString('hex'),
    token: view.token,
    extractable: view.extractable,
    encrypt: view.encrypt,
    decrypt: view.decrypt,
    wrap: view.wrap,
    unwrap: view.unwrap,
    sign: view.sign,
    verify: view.verify,
    derive: view.derive,
  };
  return {
    handle: view.handle,
    class: view.class,
    key_type: view.keyType,
    size: JSON.stringify(view.size),
    owner_id: view.ownerId,
    attributes: JSON.stringify(attributes),
    shared_with: JSON.stringify(view.sharedWith),
    pair_handle: view.pairHandle ?? null,
    created_at: view.createdAt,
  };
}
