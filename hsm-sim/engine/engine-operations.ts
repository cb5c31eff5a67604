// The names of the HsmSession operations, as a list: what an engine fault's `operations` may name.

import type { HsmSession } from './hsm-engine.port';

export const ENGINE_OPERATIONS = [
  'login',
  'logout',
  'changePin',
  'generateKey',
  'importSecretKey',
  'generateKeyPair',
  'findKeys',
  'getAttributes',
  'setAttributes',
  'getPublicKeySpki',
  'encrypt',
  'decrypt',
  'sign',
  'verify',
  'digest',
  'wrapKey',
  'unwrapKey',
  'destroyKey',
  'random',
] as const satisfies readonly Exclude<keyof HsmSession, 'tokenLabel' | 'isOpen' | 'close'>[];

export type EngineOperation = (typeof ENGINE_OPERATIONS)[number];

export function isEngineOperation(name: unknown): name is EngineOperation {
  return typeof name === 'string' && (ENGINE_OPERATIONS as readonly string[]).includes(name);
}
