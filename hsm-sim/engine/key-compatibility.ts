// Which keys fit which mechanism. Both engines check this before the usage flags, so a key of the wrong
// type fails alike everywhere (SoftHSM 2.6.1 itself accepts e.g. an AES key in C_SignInit for
// CKM_SHA256_RSA_PKCS and only fails later with CKR_GENERAL_ERROR).

import { Ckr, HsmError, type CkrCode } from './hsm-error';
import { KeyClass, KeyType, type EncryptionMechanism, type SignatureMechanism } from './hsm-engine.types';

export interface KeyKind {
  readonly class: KeyClass;
  readonly keyType: KeyType;
}

export type KeyRole = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'wrap' | 'unwrap';

const SIGNATURE_KEY_TYPES: Record<SignatureMechanism['name'], KeyType> = {
  'RSA-PKCS': KeyType.RSA,
  'RSA-PSS': KeyType.RSA,
  ECDSA: KeyType.EC,
};

const MISMATCH_CODES: Record<KeyRole, CkrCode> = {
  encrypt: Ckr.KEY_TYPE_INCONSISTENT,
  decrypt: Ckr.KEY_TYPE_INCONSISTENT,
  sign: Ckr.KEY_TYPE_INCONSISTENT,
  verify: Ckr.KEY_TYPE_INCONSISTENT,
  wrap: Ckr.WRAPPING_KEY_TYPE_INCONSISTENT,
  unwrap: 'CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT',
};

export function expectedKind(role: KeyRole, mechanism?: EncryptionMechanism | SignatureMechanism): KeyKind {
  if (role === 'sign' || role === 'verify') {
    const keyType = SIGNATURE_KEY_TYPES[(mechanism as SignatureMechanism).name];
    return { class: role === 'sign' ? KeyClass.PRIVATE : KeyClass.PUBLIC, keyType };
  }
  return { class: KeyClass.SECRET, keyType: KeyType.AES };
}

export function requireKeyFits(role: KeyRole, actual: KeyKind, operation: string, mechanism?: EncryptionMechanism | SignatureMechanism): void {
  const expected = expectedKind(role, mechanism);
  if (actual.class !== expected.class || actual.keyType !== expected.keyType) {
    throw new HsmError(
      MISMATCH_CODES[role],
      operation,
      `${role} needs a ${expected.keyType} ${expected.class}, not a ${actual.keyType} ${actual.class}`,
    );
  }
}
