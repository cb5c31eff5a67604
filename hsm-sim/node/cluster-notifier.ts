// Tells the rest of the cluster about token-key changes made on this HSM, through the sync layer's
// KeyReplicator. Only the key-availability quorum of a new key is a condition; the rest is best effort.

import { AuditEvent, AuditSource, type AuditLog } from './audit-log';
import type { EngineToken } from './engine-token';
import type { KeyReplicator } from './key-replica';
import { exportReplica } from './key-replica-codec';
import type { KeyRecord } from './key-store';
import { NodeLimits } from './node-limits';

export class ClusterNotifier {
  constructor(
    private readonly token: EngineToken,
    private readonly audit: AuditLog,
    private readonly replicator: KeyReplicator | undefined,
  ) {}

  /** Replicates a new token key; false when the cluster has 2+ HSMs and fewer than 2 hold it. Without a replicator: a one-HSM cluster. */
  async reachQuorum(record: KeyRecord): Promise<boolean> {
    if (!this.replicator) return true;
    // 7.10: the SDK 5 key-availability quorum, 2 HSMs, applies once the cluster has 2
    const needed = Math.min(NodeLimits.keyAvailabilityQuorum, this.replicator.clusterSize());
    const holders = await this.replicator.replicate(await exportReplica(this.token, record)).catch((error: unknown) => {
      this.failed(record.view.handle, 'replicate', error);
      return 1;
    });
    return holders >= needed;
  }

  async updated(record: KeyRecord): Promise<void> {
    if (!this.replicator) return;
    const replica = await exportReplica(this.token, record);
    await this.replicator.updated(replica).catch((error: unknown) => this.failed(record.view.handle, 'updated', error));
  }

  async deleted(handle: number): Promise<void> {
    await this.replicator?.deleted(handle).catch((error: unknown) => this.failed(handle, 'deleted', error));
  }

  private failed(handle: number, operation: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.audit.record({ event: AuditEvent.REPLICATION_FAILED, source: AuditSource.CLUSTER_SYNC, details: { handle, operation, reason } });
  }
}
