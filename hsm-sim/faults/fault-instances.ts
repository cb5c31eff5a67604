// The run-time state of each active fault (its PRNG, its token bucket), kept across a new fault set
// for every fault that is still in it unchanged: adding a second fault must not restart the first one's
// sequence of decisions.

import type { ActiveNodeFault } from './node-fault.types';

export class FaultInstances<F extends ActiveNodeFault, I> {
  private byKey = new Map<string, I>();

  constructor(private readonly create: (fault: F) => I) {}

  /** The instances of these faults, in their order: kept when the same fault (id and parameters) was active before. */
  replace(faults: readonly F[]): I[] {
    const next = new Map<string, I>();
    const instances = faults.map((fault) => {
      const key = JSON.stringify(fault, Object.keys(fault).sort());
      const instance = next.get(key) ?? this.byKey.get(key) ?? this.create(fault);
      next.set(key, instance);
      return instance;
    });
    this.byKey = next;
    return instances;
  }
}
