// One HSM node at run time: its engine, the HsmNode, its peers, and its three TLS listeners.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inMemoryEngineFactory, softHsmEngineFactory } from '../engine/hsm-engine-factory';
import type { HsmEngine } from '../engine/hsm-engine.port';
import type { NodeEndpoint, NodeLaunch, NodePorts } from '../fleet/node-launch.types';
import { HsmNode } from '../node/hsm-node';
import type { ConnectionContext } from '../node/node.types';
import { parseWithBuffers, RpcServer, type RpcHandlers, type TlsIdentity } from '../protocol';
import type { NodeSnapshot } from '../node/node-snapshot';
import { CRYPTO_PORT_OPERATIONS, MANAGEMENT_PORT_OPERATIONS, portHandlers } from '../server/port-operations';
import { PeerConnections } from '../sync/peer-connections';
import { PeerReplicator } from '../sync/peer-replicator';
import { syncHandlers } from '../sync/sync-handlers';

/** Written once a new HSM has been cloned from its peer or a backup, so a restart does not clone again. */
const CLONED_MARKER = 'cloned-from-peer';

export type NodeLog = (event: string, details?: Record<string, unknown>) => void;

export class NodeRuntime {
  private servers: RpcServer[] = [];
  private wasActivated: boolean;

  private constructor(
    private readonly launch: NodeLaunch,
    private readonly engine: HsmEngine,
    private readonly node: HsmNode,
    private readonly peers: PeerConnections,
    private readonly log: NodeLog,
    private readonly onActivated: () => void,
  ) {
    this.wasActivated = node.isActivated;
  }

  static async start(launch: NodeLaunch, log: NodeLog, onActivated: () => void): Promise<NodeRuntime> {
    const openEngine = launch.engine === 'in-memory' ? inMemoryEngineFactory() : softHsmEngineFactory(launch.softHsmLibrary);
    const engine = await openEngine(join(launch.directory, 'engine'));
    const syncKey = Buffer.from(launch.clusterSyncKeyHex, 'hex');
    const peers = new PeerConnections({ hsmId: launch.hsmId, clusterId: launch.clusterId, syncKey, trustedCaPems: launch.trustedCaPems });
    peers.setPeers(launch.peers);
    const node = await HsmNode.open({
      engine,
      directory: launch.directory,
      hsmId: launch.hsmId,
      serialNumber: launch.serialNumber,
      slot: launch.slot,
      clusterSyncKey: syncKey,
      firstHsm: launch.firstHsm,
      ...(launch.preCoPassword ? { preCoPassword: launch.preCoPassword } : {}),
      replicator: new PeerReplicator(peers, log),
    });
    const runtime = new NodeRuntime(launch, engine, node, peers, log, onActivated);
    await runtime.cloneIfNew();
    return runtime;
  }

  async listen(): Promise<NodePorts> {
    const { launch, node } = this;
    const syncKey = Buffer.from(launch.clusterSyncKeyHex, 'hex');
    const server = (port: number, handlers: RpcHandlers): RpcServer =>
      new RpcServer({
        host: launch.host,
        port,
        tls: launch.tls,
        handlers,
        onDisconnect: (context: ConnectionContext) => node.disconnect(context),
        onInternalError: (error) => this.log('internal-error', { error: error instanceof Error ? error.stack : String(error) }),
      });
    const crypto = server(launch.ports.crypto, this.watchActivation(portHandlers(node, CRYPTO_PORT_OPERATIONS)));
    const sync = server(launch.ports.sync, syncHandlers(node, { clusterId: launch.clusterId, syncKey }));
    const management = server(launch.ports.management, this.watchActivation(portHandlers(node, MANAGEMENT_PORT_OPERATIONS)));
    this.servers = [crypto, sync, management];
    const [cryptoAddress, syncAddress, managementAddress] = await Promise.all(this.servers.map((listener) => listener.listen()));
    return { crypto: cryptoAddress!.port, sync: syncAddress!.port, management: managementAddress!.port };
  }

  setPeers(peers: readonly NodeEndpoint[]): void {
    this.peers.setPeers(peers);
  }

  setIdentity(identity: TlsIdentity, trustedCaPems: readonly string[]): void {
    for (const server of this.servers) server.setIdentity(identity);
    this.peers.setTrustedCas(trustedCaPems);
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.close()));
    await this.peers.closeAll();
    await this.node.close();
    await this.engine.close();
  }

  /** aws-behaviour 6.7-6.8: a new HSM receives the users and keys of an existing one, or of a backup. */
  private async cloneIfNew(): Promise<void> {
    const { cloneFrom, restoreSnapshotFile } = this.launch;
    const marker = join(this.launch.directory, CLONED_MARKER);
    if ((!cloneFrom && !restoreSnapshotFile) || existsSync(marker)) return;
    const snapshot = cloneFrom
      ? await this.peers.call<NodeSnapshot>(cloneFrom, 'snapshot')
      : (parseWithBuffers(readFileSync(restoreSnapshotFile!, 'utf8')) as NodeSnapshot);
    await this.node.restoreSnapshot(snapshot);
    const source = cloneFrom?.hsmId ?? restoreSnapshotFile!;
    writeFileSync(marker, `${source}\n`);
    this.log('cloned', { from: source, users: snapshot.users.length, keys: snapshot.keys.length });
  }

  /** Activation happens through a password change on either port; the fleet hears of it once. */
  private watchActivation(handlers: RpcHandlers): RpcHandlers {
    return Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        async (context: ConnectionContext, args: unknown) => {
          const result = await handler(context, args);
          if (!this.wasActivated && this.node.isActivated) {
            this.wasActivated = true;
            this.onActivated();
          }
          return result;
        },
      ]),
    );
  }
}
