// Authenticated sync-port connections from this node to its cluster peers, opened on first use and
// opened again after a peer restarts.

import { RpcClient, RpcConnectionError, RpcConnectionErrorCode } from '../protocol';
import type { NodeEndpoint } from '../fleet/node-launch.types';
import { peerTlsOptions } from './peer-tls-options';
import { createSyncProof } from './sync-proof';

export interface SyncIdentity {
  readonly hsmId: string;
  readonly clusterId: string;
  readonly syncKey: Buffer;
  readonly trustedCaPems: readonly string[];
}

/** Replication gives a peer this long to answer; a hung HSM then counts as not holding the key. */
export const PEER_CALL_TIMEOUT_MS = 5_000;

export class PeerConnections {
  private peers: readonly NodeEndpoint[] = [];
  private readonly clients = new Map<string, Promise<RpcClient>>();
  /** Set while this node is partitioned: its own calls to peers fail at once. */
  private cutReason: string | undefined;

  constructor(private identity: SyncIdentity) {}

  setPeers(peers: readonly NodeEndpoint[]): void {
    this.peers = peers.filter((peer) => peer.hsmId !== this.identity.hsmId);
    for (const [hsmId, client] of this.clients) {
      if (!this.peers.some((peer) => peer.hsmId === hsmId)) {
        this.clients.delete(hsmId);
        void client.then((open) => open.close()).catch(() => undefined);
      }
    }
  }

  setTrustedCas(trustedCaPems: readonly string[]): void {
    this.identity = { ...this.identity, trustedCaPems };
  }

  list(): readonly NodeEndpoint[] {
    return this.peers;
  }

  /** A network partition cuts this node's outbound peer calls too: open ones are closed, new ones fail fast. */
  cutOutbound(reason: string | undefined): void {
    this.cutReason = reason;
    if (reason !== undefined) void this.closeAll();
  }

  /** Calls one peer; the connection is opened (and authenticated) when needed. */
  async call<T>(peer: NodeEndpoint, op: string, args?: unknown): Promise<T> {
    if (this.cutReason !== undefined) {
      throw new RpcConnectionError(RpcConnectionErrorCode.CLOSED, `${op}: cannot reach ${peer.hsmId}: ${this.cutReason}`);
    }
    const client = await this.clientFor(peer);
    return client.call<T>(op, args);
  }

  async closeAll(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((client) => client.then((open) => open.close()).catch(() => undefined)));
  }

  private clientFor(peer: NodeEndpoint): Promise<RpcClient> {
    const existing = this.clients.get(peer.hsmId);
    if (existing) return existing;
    const opening = this.open(peer);
    this.clients.set(peer.hsmId, opening);
    opening.then(
      (client) => client.onClose(() => this.forget(peer.hsmId, opening)),
      () => this.forget(peer.hsmId, opening),
    );
    return opening;
  }

  private async open(peer: NodeEndpoint): Promise<RpcClient> {
    const client = await RpcClient.connect({
      host: peer.host,
      port: peer.syncPort,
      tls: peerTlsOptions(this.identity.trustedCaPems),
      connectTimeoutMs: PEER_CALL_TIMEOUT_MS,
      requestTimeoutMs: PEER_CALL_TIMEOUT_MS,
    });
    try {
      await client.call('authenticatePeer', createSyncProof(this.identity.syncKey, this.identity.hsmId, this.identity.clusterId));
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  private forget(hsmId: string, client: Promise<RpcClient>): void {
    if (this.clients.get(hsmId) === client) this.clients.delete(hsmId);
  }
}
