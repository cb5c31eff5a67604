// Everything that happened in a run, as timeline.json holds it. Times are milliseconds after the start
// (`t`), measured on the runner's monotonic clock; `startedAt` anchors them to wall time.

/** `ok`, an AWS error code (e.g. KMSInvalidStateException), `timeout`, or a network error code. */
export type RequestOutcome = string;

export interface ProbeRecord {
  readonly t: number;
  readonly latencyMs: number;
  readonly outcome: RequestOutcome;
}

export type StepOutcome = 'ok' | 'error' | 'passed' | 'failed' | 'skipped';

export interface StepRecord {
  readonly index: number;
  readonly name?: string;
  readonly action: string;
  /** Planned seconds after the start. */
  readonly at: number;
  readonly startedT: number;
  readonly endedT: number;
  readonly outcome: StepOutcome;
  /** What the step returned (an AWS answer, a fault id, the observed value). */
  readonly output?: unknown;
  readonly error?: string;
  /** For expect and wait-for: what was checked, in words. */
  readonly detail?: string;
}

export interface FaultRecord {
  /** The fault step's name, or `step <n>` when it has none. */
  readonly label: string;
  readonly stepIndex: number;
  readonly faultId: string;
  readonly kind: string;
  readonly target: unknown;
  readonly params: unknown;
  readonly addedT: number;
  /** When the runner healed it (heal, heal-all or the final clean-up), or when its durationSeconds ran out. */
  healedT?: number;
  healedBy?: 'heal' | 'heal-all' | 'end-of-run' | 'duration';
  readonly symptom?: string;
  readonly documentedBy?: string;
}

export interface RunTarget {
  readonly region: string;
  readonly customKeyStoreId: string;
  readonly clusterId: string;
  readonly hsms: readonly { readonly id: string; readonly availabilityZone: string; readonly state: string }[];
  readonly probeKeyId?: string;
}

export interface TimelineDocument {
  readonly plan: { readonly name: string; readonly description: string; readonly durationSeconds: number };
  readonly endpoint: string;
  readonly startedAt: string;
  readonly endedT: number;
  /** Why the run ended: `completed`, `stopWhen: ...`, `interrupted` or `error: ...`. */
  readonly endedBy: string;
  readonly target?: RunTarget;
  readonly probe?: { readonly operation: string; readonly ratePerSecond: number; readonly timeoutSeconds: number };
  readonly requests: readonly ProbeRecord[];
  readonly steps: readonly StepRecord[];
  readonly faults: readonly FaultRecord[];
}

/** Collects records while the run goes on. */
export class Timeline {
  readonly requests: ProbeRecord[] = [];
  readonly steps: StepRecord[] = [];
  readonly faults: FaultRecord[] = [];
  private readonly origin = performance.now();
  readonly startedAt = new Date();

  now(): number {
    return Math.round((performance.now() - this.origin) * 1000) / 1000;
  }

  activeFaults(): FaultRecord[] {
    const now = this.now();
    return this.faults.filter((fault) => fault.healedT === undefined || fault.healedT > now);
  }
}
