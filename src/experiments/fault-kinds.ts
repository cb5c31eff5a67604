// The fault kinds the endpoint's POST /_sim/faults accepts, with their params, so a plan is checked
// before the run starts rather than refused halfway through it. The endpoint validates again.

export type ParamType = 'number' | 'string' | 'string[]';

export interface ParamSpec {
  readonly type: ParamType;
  readonly required: boolean;
  /** The only values allowed, when it is a short list. */
  readonly oneOf?: readonly string[];
}

export const FAULT_KINDS: Readonly<Record<string, Readonly<Record<string, ParamSpec>>>> = {
  'hsm-kill': {},
  'hsm-hang': {},
  'network-partition': { mode: { type: 'string', required: false, oneOf: ['refuse', 'blackhole'] } },
  'network-latency': { ms: { type: 'number', required: true }, jitterMs: { type: 'number', required: false } },
  'network-loss': { probability: { type: 'number', required: true } },
  'az-outage': {},
  'engine-error': { ckr: { type: 'string', required: true }, probability: { type: 'number', required: false }, operations: { type: 'string[]', required: false } },
  'engine-latency': { ms: { type: 'number', required: true } },
  'kmsuser-password-drift': { password: { type: 'string', required: false } },
  'hsm-busy': { opsPerSecond: { type: 'number', required: true } },
};

export const FAULT_TARGET_FIELDS = ['hsmId', 'clusterId', 'availabilityZone'] as const;
