// The HSMs placed on one other host: the NodeFleetPort over the link to that host's agent. The
// control plane keeps its own copy of each launch file (in the folder it would have used locally), so
// certificates, restarts and peer lists read the same files as for local HSMs; the agent keeps its own.
// What the agent says (deaths, activations) and what the link does (unreachable, back) come out as events.

import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type { ActiveNodeFault } from '../../../hsm-sim/faults/node-fault.types';
import { readLaunchFile, writeLaunchFile } from '../../../hsm-sim/fleet/launch-file';
import type { NodeFleetEvents, NodeProcessInfo } from '../../../hsm-sim/fleet/node-fleet';
import type { NodeFleetPort } from '../../../hsm-sim/fleet/node-fleet.port';
import type { NodeEndpoint, NodeLaunch, PasswordChangeOutcome } from '../../../hsm-sim/fleet/node-launch.types';
import { canApply, nextNodeProcessState, NodeProcessState, type NodeProcessEvent } from '../../../hsm-sim/fleet/node-process.states';
import type { HostAgentRequest } from '../../../hsm-sim/hosts/host-agent.messages';
import type { NodeInspection } from '../../../hsm-sim/node/node-inspection';
import type { HostAgentClient } from '../../../hsm-sim/hosts/host-agent-client';

export interface ReachabilityEvents {
  /** The host stopped answering (its zone is down); its HSMs may still run. */
  unreachable: [hsmId: string];
  reachable: [hsmId: string];
}

interface RemoteNode {
  info: NodeProcessInfo;
  faults: readonly ActiveNodeFault[];
}

/** The agent's NodeFleet kills a node that has not stopped in 5 s. */
const STOP_TIMEOUT_MS = 15_000;
const UP: readonly NodeProcessState[] = [NodeProcessState.STARTING, NodeProcessState.RUNNING, NodeProcessState.HUNG];

export class RemoteNodeFleet extends EventEmitter<NodeFleetEvents> implements NodeFleetPort {
  private readonly nodes = new Map<string, RemoteNode>();
  readonly reachability = new EventEmitter<ReachabilityEvents>();

  constructor(
    private readonly agent: HostAgentClient,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    super();
    agent.on('died', (hsmId, code, signal) => {
      const node = this.nodes.get(hsmId);
      if (!node || !UP.includes(node.info.state)) return;
      this.mark(node, NodeProcessState.DEAD);
      this.emit('died', hsmId, code, signal);
    });
    agent.on('activated', (hsmId) => this.emit('activated', hsmId));
    agent.on('audit', (hsmId, entry) => this.emit('audit', hsmId, entry));
    agent.on('unreachable', () => this.upNodes().forEach((hsmId) => this.reachability.emit('unreachable', hsmId)));
    agent.on('reachable', () => this.upNodes().forEach((hsmId) => this.reachability.emit('reachable', hsmId)));
    agent.on('relinked', () => void this.reconcile().catch((error: unknown) => this.warn(`HSM host ${agent.name}: ${String(error)}`)));
  }

  async launch(launch: NodeLaunch): Promise<NodeProcessInfo> {
    writeLaunchFile(launch);
    return this.start(launch.directory);
  }

  async start(directory: string): Promise<NodeProcessInfo> {
    let launch = readLaunchFile(directory);
    // A host whose address changed (a container recreated) runs its HSMs on the new one; peers learn it on start.
    const hostAddress = this.agent.hello?.host;
    if (hostAddress && launch.host !== hostAddress) {
      launch = { ...launch, host: hostAddress };
      writeLaunchFile(launch);
    }
    const node = this.nodes.get(launch.hsmId) ?? { info: { hsmId: launch.hsmId, directory, host: launch.host, state: NodeProcessState.STOPPED }, faults: [] };
    this.nodes.set(launch.hsmId, node);
    if (node.info.state === NodeProcessState.RUNNING) return node.info;
    const snapshotFile = launch.restoreSnapshotFile;
    const restoreSnapshot = snapshotFile && existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : undefined;
    this.mark(node, NodeProcessState.STARTING);
    try {
      const there = await this.agent.request({ op: 'start', launch, ...(restoreSnapshot !== undefined ? { restoreSnapshot } : {}) });
      node.info = { ...there, directory };
    } catch (error) {
      this.mark(node, NodeProcessState.DEAD);
      throw error;
    }
    // A restarted node keeps its faults until the control plane clears them (as NodeFleet does).
    if (node.faults.length > 0) this.tell({ op: 'setFaults', hsmId: launch.hsmId, faults: node.faults });
    return node.info;
  }

  async startAll(directories: readonly string[]): Promise<NodeProcessInfo[]> {
    return Promise.all(directories.map((directory) => this.start(directory)));
  }

  async stop(hsmId: string): Promise<void> {
    const node = this.require(hsmId);
    if (!UP.includes(node.info.state)) return;
    this.mark(node, NodeProcessState.STOPPING);
    try {
      await this.agent.request({ op: 'stop', hsmId }, STOP_TIMEOUT_MS);
    } finally {
      this.mark(node, NodeProcessState.STOPPED);
    }
  }

  async kill(hsmId: string): Promise<void> {
    this.require(hsmId);
    // The agent's 'died' event arrives before this answer, on the same link.
    await this.agent.request({ op: 'kill', hsmId });
  }

  hang(hsmId: string): void {
    this.apply(this.require(hsmId), 'sigstop');
    this.tell({ op: 'hang', hsmId });
  }

  resume(hsmId: string): void {
    this.apply(this.require(hsmId), 'sigcont');
    this.tell({ op: 'resume', hsmId });
  }

  updatePeers(hsmId: string, peers: readonly NodeEndpoint[]): void {
    const node = this.require(hsmId);
    writeLaunchFile({ ...readLaunchFile(node.info.directory), peers });
    if (UP.includes(node.info.state)) this.tell({ op: 'updatePeers', hsmId, peers });
  }

  updateIdentity(hsmId: string, tls: NodeLaunch['tls'], trustedCaPems: readonly string[]): void {
    const node = this.require(hsmId);
    writeLaunchFile({ ...readLaunchFile(node.info.directory), tls, trustedCaPems });
    if (UP.includes(node.info.state)) this.tell({ op: 'updateIdentity', hsmId, tls, trustedCaPems });
  }

  setFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void {
    const node = this.require(hsmId);
    node.faults = [...faults];
    if (UP.includes(node.info.state)) this.tell({ op: 'setFaults', hsmId, faults: node.faults });
  }

  async changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChangeOutcome> {
    const node = this.require(hsmId);
    if (node.info.state !== NodeProcessState.RUNNING) return { changed: false, reason: `HSM ${hsmId} is ${node.info.state}` };
    try {
      return await this.agent.request({ op: 'changeUserPassword', hsmId, username, password });
    } catch (error) {
      return { changed: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The agent ends its own orphans before it starts a node there (NodeFleet.start). */
  async endOrphans(): Promise<number[]> {
    return [];
  }

  async inspect(hsmId: string): Promise<NodeInspection | undefined> {
    if (this.nodes.get(hsmId)?.info.state !== NodeProcessState.RUNNING) return undefined;
    return (await this.agent.request({ op: 'inspect', hsmId }).catch(() => null)) ?? undefined;
  }

  list(): NodeProcessInfo[] {
    return [...this.nodes.values()].map((node) => node.info);
  }

  knows(hsmId: string): boolean {
    return this.nodes.has(hsmId);
  }

  forget(hsmId: string): void {
    const node = this.require(hsmId);
    if (UP.includes(node.info.state) || node.info.state === NodeProcessState.STOPPING) throw new Error(`node ${hsmId} is ${node.info.state}; stop it first`);
    this.nodes.delete(hsmId);
    // The agent removes its copy of the node's folder: its token must not outlive DeleteHsm.
    this.tell({ op: 'forget', hsmId });
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.upNodes().map((hsmId) => this.stop(hsmId).catch((error: unknown) => this.warn(String(error)))));
  }

  /** After a lost link: nodes that died meanwhile are dead here too; the live ones hear their peers and faults again. */
  private async reconcile(): Promise<void> {
    const there = new Map((await this.agent.request({ op: 'list' })).map((info) => [info.hsmId, info]));
    for (const [hsmId, node] of this.nodes) {
      if (!UP.includes(node.info.state)) continue;
      const remote = there.get(hsmId);
      if (!remote || !UP.includes(remote.state)) {
        this.mark(node, NodeProcessState.DEAD);
        this.emit('died', hsmId, null, null);
        continue;
      }
      this.tell({ op: 'updatePeers', hsmId, peers: readLaunchFile(node.info.directory).peers });
      this.tell({ op: 'setFaults', hsmId, faults: node.faults });
    }
  }

  private upNodes(): string[] {
    return [...this.nodes.values()].filter((node) => UP.includes(node.info.state)).map((node) => node.info.hsmId);
  }

  /** Fire and forget: a host that does not answer now hears it again on the next link (reconcile). */
  private tell(request: HostAgentRequest): void {
    this.agent.call(request).catch((error: unknown) => this.warn(`HSM host ${this.agent.name}: ${request.op} failed: ${String(error)}`));
  }

  private apply(node: RemoteNode, event: NodeProcessEvent): void {
    if (!canApply(node.info.state, event)) throw new Error(`node ${node.info.hsmId} cannot '${event}' while ${node.info.state}`);
    this.mark(node, nextNodeProcessState(node.info.state, event));
  }

  private mark(node: RemoteNode, state: NodeProcessState): void {
    const { pid: _pid, ports: _ports, ...rest } = node.info;
    const up = state === NodeProcessState.RUNNING || state === NodeProcessState.HUNG;
    node.info = { ...rest, state, ...(up && node.info.pid !== undefined ? { pid: node.info.pid } : {}), ...(up && node.info.ports ? { ports: node.info.ports } : {}) };
  }

  private require(hsmId: string): RemoteNode {
    const node = this.nodes.get(hsmId);
    if (!node) throw new Error(`no node ${hsmId} on HSM host ${this.agent.name}`);
    return node;
  }
}
