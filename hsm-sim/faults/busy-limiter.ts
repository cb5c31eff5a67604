// The hsm-busy fault: key operations on port 2223 above a rate are refused with HSM_BUSY_CODE
// (aws-behaviour 2.9: a busy cluster -> ThrottlingException). A token bucket per fault, holding one
// second's worth of requests (at least one; none at rate 0) and refilled at the fault's rate.

import { NodeError, type ConnectionContext } from '../node/node.types';
import type { RpcHandlers } from '../protocol';
import { FaultInstances } from './fault-instances';
import { HSM_BUSY_CODE, type ActiveNodeFault, type BusyFault } from './node-fault.types';

export type ActiveBusyFault = BusyFault & Pick<ActiveNodeFault, 'faultId' | 'seed'>;

export class TokenBucket {
  private readonly capacity: number;
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.capacity = perSecond === 0 ? 0 : Math.max(1, perSecond);
    this.tokens = this.capacity;
    this.last = now();
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class BusyLimiter {
  active = false;
  private buckets: { readonly fault: ActiveBusyFault; readonly bucket: TokenBucket }[] = [];
  private readonly instances: FaultInstances<ActiveBusyFault, { fault: ActiveBusyFault; bucket: TokenBucket }>;

  constructor(now?: () => number) {
    this.instances = new FaultInstances((fault) => ({ fault, bucket: new TokenBucket(fault.opsPerSecond, now) }));
  }

  set(faults: readonly ActiveBusyFault[]): void {
    this.buckets = this.instances.replace(faults);
    this.active = this.buckets.length > 0;
  }

  /** Throws NodeError(HSM_BUSY_CODE) when a busy fault's rate is used up (every bucket is asked). */
  admit(operation: string): void {
    let refusedBy: ActiveBusyFault | undefined;
    for (const { fault, bucket } of this.buckets) if (!bucket.tryTake() && !refusedBy) refusedBy = fault;
    if (refusedBy) {
      throw new NodeError(HSM_BUSY_CODE, `The HSM is busy: ${operation} refused, over ${refusedBy.opsPerSecond} requests per second`);
    }
  }
}

/** These handlers, with each of `operations` asking the limiter first (one check while no busy fault is active). */
export function withBusyLimiter(handlers: RpcHandlers, limiter: BusyLimiter, operations: readonly string[]): RpcHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      operations.includes(name)
        ? (context: ConnectionContext, args: unknown) => {
            if (limiter.active) limiter.admit(name);
            return handler(context, args);
          }
        : handler,
    ]),
  );
}
