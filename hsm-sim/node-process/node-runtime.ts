// One HSM node at run time: its engine, the HsmNode, its peers, its three TLS listeners, and the fault
// seams between them (DESIGN decision 8) unless the launch turns the fault layer off.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inMemoryEngineFactory, softHsmEngineFactory } from '../engine/hsm-engine-factory';
import { FaultInjectingEngine } from '../engine/fault-injecting-engine';
import type { HsmEngine } from '../engine/hsm-engine.port';
import { withBusyLimiter } from '../faults/busy-limiter';
import { NodeFaultControls } from '../faults/node-fault-controls';
import type { ActiveNodeFault } from '../faults/node-fault.types';
import { FACTORY_PRECO_PASSWORD, type NodeEndpoint, type NodeLaunch, type NodePorts, type PasswordChangeOutcome } from '../fleet/node-launch.types';
import type { AuditEntry } from '../node/audit-log';
import { HsmNode } from '../node/hsm-node';
import type { NodeInspection } from '../node/node-inspection';
import { NodeError, type ConnectionContext } from '../node/node.types';
import { parseWithBuffers, RpcServer, type RpcHandlers, type TlsIdentity } from '../protocol';
import type { NodeSnapshot } from '../node/node-snapshot';
import { CRYPTO_KEY_OPERATIONS, CRYPTO_PORT_OPERATIONS, MANAGEMENT_PORT_OPERATIONS, portHandlers } from '../server/port-operations';
import { PeerConnections } from '../sync/peer-connections';
import { PeerReplicator } from '../sync/peer-replicator';
import { syncHandlers } from '../sync/sync-handlers';

/** Written once a new HSM has been cloned from its peer or a backup, so a restart does not clone again. */
const CLONED_MARKER = 'cloned-from-peer';
/** The actor the audit log names for a password changed by fault injection. */
const FAULT_INJECTION_ACTOR = 'fault-injection';

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
    /** Absent when the launch turned the fault layer off. */
    private readonly faults: NodeFaultControls | undefined,
  ) {
    this.wasActivated = node.isActivated;
  }

  static async start(launch: NodeLaunch, log: NodeLog, onActivated: () => void, onAudit?: (entry: AuditEntry) => void): Promise<NodeRuntime> {
    const faults = launch.faultLayer === false ? undefined : new NodeFaultControls();
    const openEngine = launch.engine === 'in-memory' ? inMemoryEngineFactory() : softHsmEngineFactory(launch.softHsmLibrary);
    const engine = await openEngine(join(launch.directory, 'engine'));
    const syncKey = Buffer.from(launch.clusterSyncKeyHex, 'hex');
    const peers = new PeerConnections({ hsmId: launch.hsmId, clusterId: launch.clusterId, syncKey, trustedCaPems: launch.trustedCaPems });
    peers.setPeers(launch.peers);
    if (faults) {
      const gate = faults.network;
      gate.subscribe(() => peers.cutOutbound(gate.cutsOutbound ? `HSM ${launch.hsmId} is partitioned (${gate.partition})` : undefined));
    }
    const node = await HsmNode.open({
      engine: faults ? new FaultInjectingEngine(engine, faults.engine) : engine,
      directory: launch.directory,
      hsmId: launch.hsmId,
      serialNumber: launch.serialNumber,
      slot: launch.slot,
      ...(launch.hsmType ? { hsmType: launch.hsmType } : {}),
      clusterSyncKey: syncKey,
      firstHsm: launch.firstHsm,
      ...(launch.firstHsm ? { preCoPassword: launch.preCoPassword ?? FACTORY_PRECO_PASSWORD } : {}),
      replicator: new PeerReplicator(peers, log),
      ...(onAudit ? { onAudit } : {}),
    });
    const runtime = new NodeRuntime(launch, engine, node, peers, log, onActivated, faults);
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
        ...(this.faults ? { gate: this.faults.network } : {}),
      });
    let cryptoHandlers = this.watchActivation(portHandlers(node, CRYPTO_PORT_OPERATIONS));
    if (this.faults) cryptoHandlers = withBusyLimiter(cryptoHandlers, this.faults.busy, Object.keys(CRYPTO_KEY_OPERATIONS));
    const crypto = server(launch.ports.crypto, cryptoHandlers);
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

  /** Replaces the faults active on this node (the fleet's 'faults' message); an empty list heals them. */
  setFaults(faults: readonly ActiveNodeFault[]): void {
    if (!this.faults) {
      this.log('faults-ignored', { reason: 'the fault layer is off', faults: faults.map((fault) => fault.faultId) });
      return;
    }
    const { applied, rejected } = this.faults.apply(faults);
    this.log('faults', { applied, ...(rejected.length > 0 ? { rejected } : {}) });
  }

  /** Fault injection: kmsuser's password drifts, changed as a CO would; refused while the user is logged in here. */
  async changeUserPassword(username: string, password: string): Promise<PasswordChangeOutcome> {
    try {
      await this.node.changePasswordOutOfBand(FAULT_INJECTION_ACTOR, username, password);
      this.log('password-changed', { username, by: FAULT_INJECTION_ACTOR });
      return { changed: true };
    } catch (error) {
      if (error instanceof NodeError) return { changed: false, reason: `${error.code}: ${error.message}` };
      throw error;
    }
  }

  /** Read-only: users and keys, for the web console. */
  inspect(): NodeInspection {
    return this.node.inspect();
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
