// The node's KeyReplicator: copies token keys to the cluster's other HSMs over their sync ports.
// aws-behaviour 7.10: keys are synchronised to all HSMs; the key-availability quorum (2 HSMs) decides
// when a new key is acknowledged.

import type { KeyReplica, KeyReplicator } from '../node/key-replica';
import type { PeerConnections } from './peer-connections';

export interface ReplicationLog {
  (event: string, details: Record<string, unknown>): void;
}

export class PeerReplicator implements KeyReplicator {
  constructor(
    private readonly peers: PeerConnections,
    private readonly log: ReplicationLog = () => undefined,
  ) {}

  clusterSize(): number {
    return this.peers.list().length + 1;
  }

  async replicate(replica: KeyReplica): Promise<number> {
    const copies = await this.toEveryPeer('importKeyReplica', replica, replica.view.handle);
    return copies + 1;
  }

  async updated(replica: KeyReplica): Promise<void> {
    await this.toEveryPeer('updateKeyReplica', replica, replica.view.handle);
  }

  async deleted(handle: number): Promise<void> {
    await this.toEveryPeer('deleteKeyReplica', { handle }, handle);
  }

  /** Sends to all peers at once; resolves to how many confirmed. A peer that fails is logged, not retried. */
  private async toEveryPeer(op: string, args: unknown, handle: number): Promise<number> {
    const results = await Promise.allSettled(this.peers.list().map((peer) => this.peers.call(peer, op, args)));
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        const peer = this.peers.list()[index];
        this.log('replication-failed', { op, handle, peer: peer?.hsmId, reason: String(result.reason) });
      }
    });
    return results.filter((result) => result.status === 'fulfilled').length;
  }
}
