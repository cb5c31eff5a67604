// The HSM's audit trail in `<node folder>/audit.log`: one JSON object per line, appended and never
// rewritten. Entries name who did what from where; they never hold a password, a PIN or key bytes.

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionContext } from './node.types';

export const AUDIT_FILE = 'audit.log';

export const AuditEvent = {
  LOGIN: 'login',
  LOGIN_FAILED: 'login-failed',
  TWO_FACTOR_CHALLENGE: 'two-factor-challenge',
  LOGOUT: 'logout',
  USER_CREATED: 'user-created',
  USER_DELETED: 'user-deleted',
  USER_LOCKED: 'user-locked',
  PASSWORD_CHANGED: 'password-changed',
  TWO_FACTOR_CHANGED: 'two-factor-changed',
  CLUSTER_ACTIVATED: 'cluster-activated',
  KEY_CREATED: 'key-created',
  KEY_CREATION_ROLLED_BACK: 'key-creation-rolled-back',
  KEY_DELETED: 'key-deleted',
  KEY_WRAPPED: 'key-wrapped',
  KEY_SHARED: 'key-shared',
  KEY_UNSHARED: 'key-unshared',
  KEY_ATTRIBUTES_CHANGED: 'key-attributes-changed',
  REPLICATION_FAILED: 'replication-failed',
  REPLICA_IMPORTED: 'replica-imported',
  REPLICA_UPDATED: 'replica-updated',
  REPLICA_DELETED: 'replica-deleted',
  USER_IMPORTED: 'user-imported',
  SNAPSHOT_RESTORED: 'snapshot-restored',
  ORPHAN_OBJECT_DESTROYED: 'orphan-object-destroyed',
  KEY_MATERIAL_MISSING: 'key-material-missing',
} as const;
export type AuditEvent = (typeof AuditEvent)[keyof typeof AuditEvent];

/** Where an entry came from when no client connection is involved. */
export const AuditSource = { NODE: 'node', CLUSTER_SYNC: 'cluster-sync' } as const;

export type AuditDetail = string | number | boolean | null | readonly number[] | readonly string[];

export interface AuditEntry {
  readonly time: string;
  readonly event: AuditEvent;
  /** The logged-in user who acted, if any. */
  readonly actor?: string;
  /** The client's address, or an AuditSource. */
  readonly source: string;
  readonly [detail: string]: AuditDetail | undefined;
}

export interface AuditRecord {
  readonly event: AuditEvent;
  readonly source: string;
  readonly actor?: string | undefined;
  readonly details?: Readonly<Record<string, AuditDetail>>;
}

/** Source and actor of an entry caused by a client connection. */
export function fromConnection(ctx: ConnectionContext): Pick<AuditRecord, 'source' | 'actor'> {
  return { source: ctx.sourceAddress, actor: ctx.principal?.username };
}

export class AuditLog {
  private readonly path: string;

  constructor(
    directory: string,
    private readonly now: () => Date,
    /** Hears every entry once it is in the file (the node process forwards them to the control plane). */
    private readonly onRecord?: (entry: AuditEntry) => void,
  ) {
    this.path = join(directory, AUDIT_FILE);
  }

  record({ event, source, actor, details }: AuditRecord): void {
    const entry = { time: this.now().toISOString(), event, ...(actor === undefined ? {} : { actor }), source, ...details };
    // synchronous: the entry is in the file before the operation it records is acknowledged
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    try {
      this.onRecord?.(entry as AuditEntry);
    } catch {
      // A listener that fails must not fail the operation the entry records.
    }
  }

  read(): AuditEntry[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as AuditEntry);
  }
}
