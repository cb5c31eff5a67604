// The engine faults of one node, as the EngineFaultSource its FaultInjectingEngine consults:
// engine-error (a CKR code with a probability, one seeded draw per eligible operation) and
// engine-latency (ms added). `operations` limits a fault to those session operations.

import type { EngineFaultDecision, EngineFaultSource } from '../engine/fault-injecting-engine';
import type { EngineOperation } from '../engine/engine-operations';
import { HsmError, type CkrCode } from '../engine/hsm-error';
import { FaultInstances } from './fault-instances';
import type { ActiveNodeFault, EngineFault } from './node-fault.types';
import { SeededRandom } from './seeded-random';

export type ActiveEngineFault = EngineFault & Pick<ActiveNodeFault, 'faultId' | 'seed'>;

interface Instance {
  readonly fault: ActiveEngineFault;
  readonly random: SeededRandom;
}

const UNTOUCHED: EngineFaultDecision = { delayMs: 0 };

export class EngineFaultInjector implements EngineFaultSource {
  active = false;
  private current: Instance[] = [];
  private readonly instances = new FaultInstances<ActiveEngineFault, Instance>((fault) => ({ fault, random: new SeededRandom(fault.seed) }));

  /** Replaces the active engine faults; an empty list heals them. */
  set(faults: readonly ActiveEngineFault[]): void {
    this.current = this.instances.replace(faults);
    this.active = this.current.length > 0;
  }

  /** Latencies add up; the first error fault whose draw hits wins (every eligible error fault draws). */
  decide(operation: EngineOperation): EngineFaultDecision {
    let delayMs = 0;
    let error: HsmError | undefined;
    for (const { fault, random } of this.current) {
      if (fault.operations !== undefined && !fault.operations.includes(operation)) continue;
      if (fault.kind === 'engine-latency') delayMs += fault.ms;
      else if (random.chance(fault.probability) && error === undefined) error = new HsmError(fault.ckr as CkrCode, operation, 'injected fault');
    }
    if (delayMs === 0 && error === undefined) return UNTOUCHED;
    return error ? { delayMs, error } : { delayMs };
  }
}
