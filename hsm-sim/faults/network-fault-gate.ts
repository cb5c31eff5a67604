// The network faults of one node, as a ConnectionGate its three listeners (2223-2225) consult: what a TCP
// proxy in front of the ports would do. Decisions only; the RpcServer carries them out. Probabilistic
// decisions draw from each fault's own seeded PRNG, one draw per eligible connection or frame.

import type { ConnectionGate, ConnectionVerdict, FrameVerdict, OpenConnectionsVerdict } from '../protocol/connection-gate';
import { FaultInstances } from './fault-instances';
import type { ActiveNodeFault, NetworkFault } from './node-fault.types';
import { SeededRandom } from './seeded-random';

export type ActiveNetworkFault = NetworkFault & Pick<ActiveNodeFault, 'faultId' | 'seed'>;
type Partition = Extract<NetworkFault, { kind: 'network-partition' }>['mode'];

interface Drawn<F> {
  readonly fault: F;
  readonly random: SeededRandom;
}
type LatencyFault = Extract<ActiveNetworkFault, { kind: 'network-latency' }>;
type LossFault = Extract<ActiveNetworkFault, { kind: 'network-loss' }>;

export class NetworkFaultGate implements ConnectionGate {
  /** false while no network fault is active: the listeners' one check per frame. */
  active = false;
  /** The partition in force, if any: the first partition fault of the set. */
  partition: Partition | undefined;
  private latencies: Drawn<LatencyFault>[] = [];
  private losses: Drawn<LossFault>[] = [];
  private readonly instances = new FaultInstances<ActiveNetworkFault, Drawn<ActiveNetworkFault>>((fault) => ({ fault, random: new SeededRandom(fault.seed) }));
  private readonly listeners = new Set<() => void>();

  /** Replaces the active network faults (an empty list heals them) and tells the listeners. */
  set(faults: readonly ActiveNetworkFault[]): void {
    const drawn = this.instances.replace(faults);
    this.partition = faults.find((fault) => fault.kind === 'network-partition')?.mode;
    this.latencies = drawn.filter((entry): entry is Drawn<LatencyFault> => entry.fault.kind === 'network-latency');
    this.losses = drawn.filter((entry): entry is Drawn<LossFault> => entry.fault.kind === 'network-loss');
    this.active = this.partition !== undefined || this.latencies.length > 0 || this.losses.length > 0;
    for (const listener of this.listeners) listener();
  }

  /** True while this node's own outbound peer calls must fail (a partition cuts both ways). */
  get cutsOutbound(): boolean {
    return this.partition !== undefined;
  }

  onConnection(): ConnectionVerdict {
    if (this.partition === 'refuse') return 'reset';
    if (this.partition === 'blackhole') return 'hold';
    return this.lost() ? 'reset' : 'accept';
  }

  onFrame(): FrameVerdict {
    if (this.partition === 'refuse') return 'reset';
    if (this.partition === 'blackhole') return 'drop';
    if (this.lost()) return 'reset';
    if (this.latencies.length === 0) return 'pass';
    let delayMs = 0;
    for (const { fault, random } of this.latencies) delayMs += fault.ms + (fault.jitterMs > 0 ? random.next() * fault.jitterMs : 0);
    return { delayMs };
  }

  openConnections(): OpenConnectionsVerdict {
    if (this.partition === 'refuse') return 'reset';
    if (this.partition === 'blackhole') return 'stall';
    return 'keep';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One draw per loss fault (every fault draws, so each one's sequence does not depend on the others). */
  private lost(): boolean {
    let lost = false;
    for (const { fault, random } of this.losses) if (random.chance(fault.probability)) lost = true;
    return lost;
  }
}
