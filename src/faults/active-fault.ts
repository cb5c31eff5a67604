// A fault while it is in force, and how GET /_sim/faults shows it (secret params hidden).

import type { FaultParams } from './fault-params';
import { FAULT_KINDS, type FaultKind } from './fault-kinds.table';
import { visibleParams } from './fault-params';
import type { FaultTarget } from './fault-target';

export interface ActiveFault {
  readonly faultId: string;
  readonly kind: FaultKind;
  readonly target: FaultTarget;
  readonly params: FaultParams;
  /** The PRNG seed of probabilistic faults: the same seed gives the same injected sequence. */
  readonly seed: number;
  readonly since: Date;
  readonly durationSeconds?: number;
  /** The HSMs it was put on. */
  readonly hsmIds: readonly string[];
  /** Set when an HSM refused it (kmsuser-password-drift on an HSM where kmsuser is logged in). */
  readonly refusedBy?: Readonly<Record<string, string>>;
}

export interface FaultView {
  readonly faultId: string;
  readonly kind: FaultKind;
  readonly target: FaultTarget;
  readonly params: FaultParams;
  readonly seed: number;
  readonly since: string;
  readonly durationSeconds?: number;
  readonly healsAt?: string;
  readonly hsmIds: readonly string[];
  readonly refusedBy?: Readonly<Record<string, string>>;
}

export function faultView(fault: ActiveFault): FaultView {
  return {
    faultId: fault.faultId,
    kind: fault.kind,
    target: fault.target,
    params: visibleParams(FAULT_KINDS[fault.kind].params, fault.params),
    seed: fault.seed,
    since: fault.since.toISOString(),
    ...(fault.durationSeconds !== undefined
      ? { durationSeconds: fault.durationSeconds, healsAt: new Date(fault.since.getTime() + fault.durationSeconds * 1000).toISOString() }
      : {}),
    hsmIds: fault.hsmIds,
    ...(fault.refusedBy ? { refusedBy: fault.refusedBy } : {}),
  };
}
