// What the control plane needs of a fleet of HSM node processes, whether it forks them itself
// (NodeFleet) or asks an HSM host agent on another machine to (the remote fleets of src/adapters).
// NodeFleet matches this shape as it is; nothing here changes how it forks.

import type { ActiveNodeFault } from '../faults/node-fault.types';
import type { NodeInspection } from '../node/node-inspection';
import type { NodeFleetEvents, NodeProcessInfo } from './node-fleet';
import type { NodeEndpoint, NodeLaunch, PasswordChangeOutcome } from './node-launch.types';

export interface NodeFleetPort {
  launch(launch: NodeLaunch): Promise<NodeProcessInfo>;
  start(directory: string): Promise<NodeProcessInfo>;
  startAll(directories: readonly string[]): Promise<NodeProcessInfo[]>;
  stop(hsmId: string): Promise<void>;
  kill(hsmId: string): Promise<void>;
  hang(hsmId: string): void;
  resume(hsmId: string): void;
  updatePeers(hsmId: string, peers: readonly NodeEndpoint[]): void;
  updateIdentity(hsmId: string, tls: NodeLaunch['tls'], trustedCaPems: readonly string[]): void;
  setFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void;
  changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChangeOutcome>;
  /** Read-only: the HSM's users and keys; undefined when it is not running or does not answer. */
  inspect(hsmId: string): Promise<NodeInspection | undefined>;
  /** Ends node processes of these folders that a dead simulator left running; the pids ended. */
  endOrphans(directories: readonly string[]): Promise<number[]>;
  list(): NodeProcessInfo[];
  forget(hsmId: string): void;
  stopAll(): Promise<void>;
  on<K extends keyof NodeFleetEvents>(event: K, listener: (...args: NodeFleetEvents[K]) => void): this;
}
