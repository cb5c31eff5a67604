// A whole HSM's users and keys as one snapshot, for a new HSM cloned from an existing one (aws-behaviour
// 6.7: a new HSM gets the cluster's users and keys). Restoring is all or nothing.

import { AuditEvent, AuditSource, type AuditLog } from './audit-log';
import type { KeyReplica } from './key-replica';
import type { KeyReplication } from './key-replication';
import type { KeyStore } from './key-store';
import type { NodeSnapshot } from './node-snapshot';
import type { NodeStateRepository } from './node-state.repository';
import { NodeError, NodeErrorCode } from './node.types';
import type { SessionRegistry } from './session-registry';
import type { UserDirectory } from './user-directory';

export class HsmCloning {
  constructor(
    private readonly repository: NodeStateRepository,
    private readonly users: UserDirectory,
    private readonly keys: KeyStore,
    private readonly replication: KeyReplication,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditLog,
    private readonly hsmId: string,
  ) {}

  async snapshot(): Promise<NodeSnapshot> {
    const keys: KeyReplica[] = [];
    for (const handle of this.replication.listKeyHandles()) keys.push(await this.replication.exportKeyReplica(handle));
    return { users: this.repository.users(), keys, activated: this.users.isActivated, nextKeySequence: this.keys.sequence };
  }

  /** Replaces this HSM's users (its own PRECO included) with the snapshot's, and takes its keys. */
  async restore(snapshot: NodeSnapshot): Promise<void> {
    if (this.keys.count() > 0) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `HSM ${this.hsmId} already holds ${this.keys.count()} key(s): a snapshot is restored only onto a new HSM`);
    }
    if (this.sessions.anyoneLoggedIn()) {
      throw new NodeError(NodeErrorCode.USER_LOGGED_IN, `users are logged in on HSM ${this.hsmId}: a snapshot is restored only onto a new HSM`);
    }
    const records = await this.replication.materialise(snapshot.keys);
    try {
      this.repository.transaction(() => {
        this.users.replaceAll(snapshot.users);
        this.users.setActivated(snapshot.activated);
        this.keys.raiseSequence(snapshot.nextKeySequence);
        this.replication.record(records);
      });
    } catch (error) {
      await this.replication.discard(records);
      throw error;
    }
    this.audit.record({ event: AuditEvent.SNAPSHOT_RESTORED, source: AuditSource.CLUSTER_SYNC, details: { users: snapshot.users.length, keys: records.length } });
  }
}
