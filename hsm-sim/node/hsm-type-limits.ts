// How many keys an HSM holds, by HSM type (aws-behaviour 8.2). Every HSM of a cluster holds every key, so
// the cluster's limit is each node's limit.

import { NodeError, NodeErrorCode, type KeyClassName } from './node.types';

export const HsmType = { HSM1_MEDIUM: 'hsm1.medium', HSM2M_MEDIUM: 'hsm2m.medium' } as const;
export type HsmType = (typeof HsmType)[keyof typeof HsmType];

/** A launch or node without an HSM type is an hsm1.medium, the only type the simulator knew before. */
export const DEFAULT_HSM_TYPE: HsmType = HsmType.HSM1_MEDIUM;

export interface KeyLimits {
  readonly maxKeys: number;
  /** Public and private keys together; at most maxKeys. */
  readonly maxAsymmetricKeys: number;
}

// SIM: "a key" is one key object, as the node's key store counts it: a key pair is two keys (public and private), both asymmetric
export const HSM_TYPE_KEY_LIMITS: Readonly<Record<HsmType, KeyLimits>> = {
  // 8.2: keys per cluster hsm1.medium 3,300
  [HsmType.HSM1_MEDIUM]: { maxKeys: 3300, maxAsymmetricKeys: 3300 },
  // 8.2: keys per cluster hsm2m.medium 16,666 total, ≤ 3,333 asymmetric
  [HsmType.HSM2M_MEDIUM]: { maxKeys: 16_666, maxAsymmetricKeys: 3333 },
};

export function isHsmType(value: string): value is HsmType {
  return Object.values<string>(HsmType).includes(value);
}

/** The key limits of an HSM type; none given: DEFAULT_HSM_TYPE. */
export function keyLimitsFor(hsmType: string | undefined): KeyLimits {
  const type = hsmType ?? DEFAULT_HSM_TYPE;
  if (!isHsmType(type)) {
    throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `HSM type ${type} is not simulated: use ${Object.values(HsmType).join(' or ')}`);
  }
  return HSM_TYPE_KEY_LIMITS[type];
}

export function isAsymmetric(keyClass: KeyClassName): boolean {
  return keyClass !== 'SECRET_KEY';
}
