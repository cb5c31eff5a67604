// Every HSM node, wherever it runs: a child process of the control plane (the local NodeFleet, the
// default), or on the host placed in its Availability Zone (a RemoteNodeFleet). The launch file's
// hostZone says which; after that the node's id finds its fleet.

import { EventEmitter } from 'node:events';
import type { ActiveNodeFault } from '../../../hsm-sim/faults/node-fault.types';
import { readLaunchFile } from '../../../hsm-sim/fleet/launch-file';
import type { NodeFleetEvents, NodeProcessInfo } from '../../../hsm-sim/fleet/node-fleet';
import type { NodeFleetPort } from '../../../hsm-sim/fleet/node-fleet.port';
import type { NodeEndpoint, NodeLaunch, PasswordChangeOutcome } from '../../../hsm-sim/fleet/node-launch.types';
import type { NodeInspection } from '../../../hsm-sim/node/node-inspection';
import type { ReachabilityEvents, RemoteNodeFleet } from './remote-node-fleet';

export class RemotePlacedFleet extends EventEmitter<NodeFleetEvents> implements NodeFleetPort {
  readonly reachability = new EventEmitter<ReachabilityEvents>();

  constructor(
    private readonly local: NodeFleetPort,
    /** Availability Zone -> the fleet of the host placed there. */
    private readonly remotes: ReadonlyMap<string, RemoteNodeFleet>,
  ) {
    super();
    local.on('died', (hsmId, code, signal) => this.emit('died', hsmId, code, signal));
    local.on('activated', (hsmId) => this.emit('activated', hsmId));
    local.on('audit', (hsmId, entry) => this.emit('audit', hsmId, entry));
    for (const remote of remotes.values()) {
      remote.on('died', (hsmId, code, signal) => this.emit('died', hsmId, code, signal));
      remote.on('activated', (hsmId) => this.emit('activated', hsmId));
      remote.on('audit', (hsmId, entry) => this.emit('audit', hsmId, entry));
      remote.reachability.on('unreachable', (hsmId) => this.reachability.emit('unreachable', hsmId));
      remote.reachability.on('reachable', (hsmId) => this.reachability.emit('reachable', hsmId));
    }
  }

  launch(launch: NodeLaunch): Promise<NodeProcessInfo> {
    return this.fleetFor(launch).launch(launch);
  }

  start(directory: string): Promise<NodeProcessInfo> {
    return this.fleetFor(readLaunchFile(directory)).start(directory);
  }

  startAll(directories: readonly string[]): Promise<NodeProcessInfo[]> {
    return Promise.all(directories.map((directory) => this.start(directory)));
  }

  stop(hsmId: string): Promise<void> {
    return this.owner(hsmId).stop(hsmId);
  }

  kill(hsmId: string): Promise<void> {
    return this.owner(hsmId).kill(hsmId);
  }

  hang(hsmId: string): void {
    this.owner(hsmId).hang(hsmId);
  }

  resume(hsmId: string): void {
    this.owner(hsmId).resume(hsmId);
  }

  updatePeers(hsmId: string, peers: readonly NodeEndpoint[]): void {
    this.owner(hsmId).updatePeers(hsmId, peers);
  }

  updateIdentity(hsmId: string, tls: NodeLaunch['tls'], trustedCaPems: readonly string[]): void {
    this.owner(hsmId).updateIdentity(hsmId, tls, trustedCaPems);
  }

  setFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void {
    this.owner(hsmId).setFaults(hsmId, faults);
  }

  /** Local folders only: each host's agent ends its own orphans. */
  endOrphans(directories: readonly string[]): Promise<number[]> {
    return this.local.endOrphans(directories);
  }

  inspect(hsmId: string): Promise<NodeInspection | undefined> {
    return this.owner(hsmId).inspect(hsmId);
  }

  changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChangeOutcome> {
    return this.owner(hsmId).changeUserPassword(hsmId, username, password);
  }

  list(): NodeProcessInfo[] {
    return [...this.local.list(), ...[...this.remotes.values()].flatMap((remote) => remote.list())];
  }

  forget(hsmId: string): void {
    this.owner(hsmId).forget(hsmId);
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.local.stopAll(), ...[...this.remotes.values()].map((remote) => remote.stopAll())]);
  }

  private fleetFor(launch: NodeLaunch): NodeFleetPort {
    if (launch.hostZone === undefined) return this.local;
    const remote = this.remotes.get(launch.hostZone);
    if (!remote) throw new Error(`HSM ${launch.hsmId} runs on the HSM host of ${launch.hostZone}, but no --hsm-host names that zone`);
    return remote;
  }

  private owner(hsmId: string): NodeFleetPort {
    return [...this.remotes.values()].find((remote) => remote.knows(hsmId)) ?? this.local;
  }
}
