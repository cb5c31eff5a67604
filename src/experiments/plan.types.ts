// What an experiment plan says, once read and validated (plan.validator.ts). Values inside faults, aws
// inputs and conditions may still hold `${...}` templates (template.resolver.ts), resolved when the step runs.

export const PROBE_OPERATIONS = ['Encrypt', 'Decrypt', 'GenerateDataKey'] as const;
export type ProbeOperation = (typeof PROBE_OPERATIONS)[number];

export const AWS_SERVICES = ['kms', 'cloudhsmv2', 'cloudtrail'] as const;
export type AwsServiceName = (typeof AWS_SERVICES)[number];

export interface ProbePlan {
  readonly operation: ProbeOperation;
  /** Requests started per second, open loop: a slow answer never delays the next request. */
  readonly ratePerSecond: number;
  readonly plaintextBytes: number;
  /** `create` (CreateKey in the store at the start) or a key id, ARN or alias. */
  readonly key: string;
  /** Each request's own time limit; past it the outcome is `timeout`. */
  readonly timeoutSeconds: number;
}

/** The body of POST /_sim/faults, plus nothing else. */
export interface FaultBody {
  readonly kind: string;
  readonly target: Readonly<Record<string, unknown>>;
  readonly params: Readonly<Record<string, unknown>>;
  readonly durationSeconds?: number;
  readonly seed?: number;
}

export interface AwsCall {
  readonly service: AwsServiceName;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Something checked now (expect) or polled until true (wait-for). Exactly one form per condition. */
export type Condition =
  | { readonly storeState: string }
  | { readonly storeErrorCode: string }
  | { readonly keyState: string; readonly keyId: string }
  | { readonly hsmState: string; readonly hsmId: string }
  /** errorCode: one code, or a list of which any one will do. */
  | { readonly call: AwsCall; readonly errorCode: string | readonly string[] }
  | { readonly call: AwsCall; readonly path: string; readonly equals: unknown }
  | { readonly call: AwsCall; readonly succeeds: true };

export type StepAction =
  | { readonly type: 'fault'; readonly fault: FaultBody; readonly symptom?: string; readonly documentedBy?: string }
  | { readonly type: 'heal'; readonly heal: string }
  | { readonly type: 'heal-all' }
  | { readonly type: 'clock-advance'; readonly seconds: number }
  | { readonly type: 'aws'; readonly call: AwsCall }
  | { readonly type: 'wait-for'; readonly condition: Condition; readonly timeoutSeconds: number }
  | { readonly type: 'expect'; readonly condition: Condition };

export interface PlanStep {
  /** Seconds after the start. */
  readonly at: number;
  readonly name?: string;
  readonly note?: string;
  readonly action: StepAction;
}

export interface StopWhen {
  /** Stop once the share of failed probe requests, per second, stays above this for `forSeconds`. */
  readonly errorRateAbove?: number;
  readonly forSeconds?: number;
  /** Stop at this many seconds whatever the steps still wait for. */
  readonly maxSeconds?: number;
}

export interface ExperimentPlan {
  readonly name: string;
  readonly description: string;
  readonly durationSeconds: number;
  /** `auto` = the first CONNECTED custom key store that DescribeCustomKeyStores lists. */
  readonly customKeyStoreId: string;
  readonly probe?: ProbePlan;
  readonly steps: readonly PlanStep[];
  readonly stopWhen?: StopWhen;
}
