// Reaching a key's material: its engine object, or for a public key its stored SubjectPublicKeyInfo.

import { createPublicKey } from 'node:crypto';
import { checkDataPresent } from '../engine/engine-limits';
import type { EncryptionMechanism, KeyHandle, SignatureMechanism } from '../engine/hsm-engine.types';
import { Ckr, HsmError } from '../engine/hsm-error';
import { verifyWith } from '../engine/in-memory/signature.mechanism';
import { requireKeyFits, type KeyRole } from '../engine/key-compatibility';
import type { KeyRecord } from './key-store';

export interface MechanismFit {
  readonly role: KeyRole;
  readonly mechanism?: EncryptionMechanism | SignatureMechanism;
}

/** The engine object; a public key held only as its SPKI fails as the engine fails a key of the wrong kind. */
export function engineHandleOf(record: KeyRecord, operation: string, fit?: MechanismFit): KeyHandle {
  if (record.engineHandle !== undefined) return record.engineHandle;
  if (fit) requireKeyFits(fit.role, record.view, operation, fit.mechanism);
  throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, operation, `key ${record.view.handle} is a public key`);
}

export function publicKeySpkiOf(record: KeyRecord, operation: string): Buffer {
  if (!record.publicKeySpki) throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, operation, `key ${record.view.handle} is not a public key`);
  return record.publicKeySpki;
}

/**
 * SIM: every HSM verifies with node:crypto over the stored SPKI (the in-memory engine's own mechanism code),
 * because the engine port cannot import a public key for a replica; the checks run in the engine's order.
 */
export function verifyWithPublicKey(record: KeyRecord, mechanism: SignatureMechanism, data: Buffer, signature: Buffer): boolean {
  const operation = 'C_Verify';
  requireKeyFits('verify', record.view, operation, mechanism);
  if (!record.view.verify) throw new HsmError(Ckr.KEY_FUNCTION_NOT_PERMITTED, operation, 'verify is not allowed');
  checkDataPresent(data, operation);
  const key = createPublicKey({ key: publicKeySpkiOf(record, operation), format: 'der', type: 'spki' });
  return verifyWith(key, mechanism, data, signature, operation);
}
