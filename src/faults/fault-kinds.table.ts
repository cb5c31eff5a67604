// Every fault kind as data (DESIGN decision 8): the seam that produces it, the parameters it takes, and
// what healing it does. The symptoms each one produces, and where AWS documents them, are in the README.

import { ENGINE_OPERATIONS } from '../../hsm-sim/engine/engine-operations';
import type { ParamSpecs } from './fault-params';

export const FaultKind = {
  HSM_KILL: 'hsm-kill',
  HSM_HANG: 'hsm-hang',
  NETWORK_PARTITION: 'network-partition',
  NETWORK_LATENCY: 'network-latency',
  NETWORK_LOSS: 'network-loss',
  AZ_OUTAGE: 'az-outage',
  ENGINE_ERROR: 'engine-error',
  ENGINE_LATENCY: 'engine-latency',
  KMSUSER_PASSWORD_DRIFT: 'kmsuser-password-drift',
  HSM_BUSY: 'hsm-busy',
} as const;
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind];

/**
 * Where a fault is injected:
 * - process: signals to the HSM's node process (SIGKILL, SIGSTOP/SIGCONT);
 * - node: the node applies it to its own listeners, engine or request rate (hsm-sim/faults);
 * - zone: the node seam for every HSM of a zone, and the control plane reports those HSMs as AWS would;
 * - credentials: a crypto officer's action on the HSM, done once.
 */
export type FaultSeam = 'process' | 'node' | 'zone' | 'credentials';

export interface FaultKindSpec {
  readonly seam: FaultSeam;
  readonly params: ParamSpecs;
  /** One line for --help and error messages. */
  readonly summary: string;
  /** What DELETE /_sim/faults/<id> does. */
  readonly heal: string;
}

/** PKCS#11 return codes the engine-error fault may inject (the ones an HSM really returns under failure). */
export const INJECTABLE_CKRS = [
  'CKR_DEVICE_ERROR',
  'CKR_DEVICE_MEMORY',
  'CKR_DEVICE_REMOVED',
  'CKR_GENERAL_ERROR',
  'CKR_FUNCTION_FAILED',
  'CKR_SESSION_HANDLE_INVALID',
  'CKR_TOKEN_NOT_PRESENT',
  'CKR_HOST_MEMORY',
] as const;

const probability = { type: 'number', min: 0, max: 1, required: true, describe: 'chance per connection, frame or operation, 0-1' } as const;

export const FAULT_KINDS: Readonly<Record<FaultKind, FaultKindSpec>> = {
  [FaultKind.HSM_KILL]: { seam: 'process', params: {}, summary: 'SIGKILL the HSM process; it stays down', heal: 'starts the process again' },
  [FaultKind.HSM_HANG]: { seam: 'process', params: {}, summary: 'SIGSTOP the HSM process: sockets open, nothing answers', heal: 'SIGCONT' },
  [FaultKind.NETWORK_PARTITION]: {
    seam: 'node',
    params: { mode: { type: 'enum', values: ['blackhole', 'refuse'], default: 'blackhole', describe: 'drop everything, or reset connections' } },
    summary: "cut the HSM's ports 2223-2225",
    heal: 'connections work again',
  },
  [FaultKind.NETWORK_LATENCY]: {
    seam: 'node',
    params: {
      ms: { type: 'number', min: 0, max: 600_000, required: true, describe: 'delay added to each round trip' },
      jitterMs: { type: 'number', min: 0, max: 600_000, default: 0, describe: 'uniform extra delay, 0 to jitterMs' },
    },
    summary: 'delay every frame on ports 2223-2225',
    heal: 'no more delay',
  },
  [FaultKind.NETWORK_LOSS]: { seam: 'node', params: { probability }, summary: 'reset connections and frames at random', heal: 'no more resets' },
  [FaultKind.AZ_OUTAGE]: { seam: 'zone', params: {}, summary: 'every HSM of the zone partitioned, and DEGRADED', heal: 'the zone is back' },
  [FaultKind.ENGINE_ERROR]: {
    seam: 'node',
    params: {
      ckr: { type: 'enum', values: INJECTABLE_CKRS, default: 'CKR_DEVICE_ERROR', describe: 'the PKCS#11 error returned' },
      probability: { ...probability, required: false, default: 1 },
      operations: { type: 'strings', values: ENGINE_OPERATIONS, describe: 'engine operations to fail (default: all)' },
    },
    summary: "the HSM's PKCS#11 engine returns an error",
    heal: 'the engine works again',
  },
  [FaultKind.ENGINE_LATENCY]: {
    seam: 'node',
    params: {
      ms: { type: 'number', min: 0, max: 600_000, required: true, describe: 'delay added to each engine operation' },
      operations: { type: 'strings', values: ENGINE_OPERATIONS, describe: 'engine operations to slow (default: all)' },
    },
    summary: "slow the HSM's PKCS#11 engine",
    heal: 'no more delay',
  },
  [FaultKind.KMSUSER_PASSWORD_DRIFT]: {
    seam: 'credentials',
    params: { password: { type: 'string', secret: true, minLength: 7, maxLength: 32, describe: 'the password the CO sets (default: one nobody knows)' } },
    summary: "a CO changes kmsuser's password behind KMS's back",
    heal: 'nothing to undo: the fix is the documented one (set a known password, UpdateCustomKeyStore, connect)',
  },
  [FaultKind.HSM_BUSY]: {
    seam: 'node',
    params: { opsPerSecond: { type: 'number', min: 0, max: 1_000_000, required: true, describe: 'requests per second the HSM takes before it answers busy' } },
    summary: 'the HSM answers busy above a rate',
    heal: 'no more busy answers',
  },
};

export function isFaultKind(kind: unknown): kind is FaultKind {
  return typeof kind === 'string' && Object.hasOwn(FAULT_KINDS, kind);
}
