// The three fault seams of one node and the table that sends each kind of fault to its seam. The node
// receives the whole set active on it (IPC 'faults'); apply() replaces what each seam holds.

import { BusyLimiter, type ActiveBusyFault } from './busy-limiter';
import { EngineFaultInjector, type ActiveEngineFault } from './engine-fault-injector';
import { NetworkFaultGate, type ActiveNetworkFault } from './network-fault-gate';
import { nodeFaultProblem } from './node-fault.policy';
import type { ActiveNodeFault, NodeFaultKind } from './node-fault.types';

export type FaultSeam = 'network' | 'engine' | 'busy';

export const FAULT_SEAMS: { readonly [K in NodeFaultKind]: FaultSeam } = {
  'network-partition': 'network',
  'network-latency': 'network',
  'network-loss': 'network',
  'engine-error': 'engine',
  'engine-latency': 'engine',
  'hsm-busy': 'busy',
};

export interface AppliedFaults {
  readonly applied: readonly string[];
  readonly rejected: readonly { readonly faultId: string; readonly problem: string }[];
}

export class NodeFaultControls {
  readonly network = new NetworkFaultGate();
  readonly engine = new EngineFaultInjector();
  readonly busy = new BusyLimiter();

  /** Replaces the active faults; faults that break node-fault.policy are left out and reported. */
  apply(faults: readonly ActiveNodeFault[]): AppliedFaults {
    const bySeam: { network: ActiveNetworkFault[]; engine: ActiveEngineFault[]; busy: ActiveBusyFault[] } = { network: [], engine: [], busy: [] };
    const applied: string[] = [];
    const rejected: { faultId: string; problem: string }[] = [];
    for (const fault of faults) {
      const problem = nodeFaultProblem(fault);
      if (problem !== undefined) {
        rejected.push({ faultId: String((fault as Partial<ActiveNodeFault> | null)?.faultId), problem });
        continue;
      }
      (bySeam[FAULT_SEAMS[fault.kind]] as ActiveNodeFault[]).push(fault);
      applied.push(fault.faultId);
    }
    this.engine.set(bySeam.engine);
    this.busy.set(bySeam.busy);
    // Last: its listeners (the listeners and peer connections) act at once.
    this.network.set(bySeam.network);
    return { applied, rejected };
  }
}
