import { constants, sign, verify, type KeyObject, type SignKeyObjectInput } from 'node:crypto';
import type { SignatureMechanism } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { signatureHash } from './hash-algorithms';

interface PreparedSignature {
  readonly hash: string;
  readonly options: Omit<SignKeyObjectInput, 'key'>;
}

export function signWith(key: KeyObject, mechanism: SignatureMechanism, data: Buffer, operation: string): Buffer {
  const prepared = prepare(key, mechanism, operation);
  return sign(prepared.hash, data, { key, ...prepared.options });
}

export function verifyWith(
  key: KeyObject,
  mechanism: SignatureMechanism,
  data: Buffer,
  signature: Buffer,
  operation: string,
): boolean {
  const prepared = prepare(key, mechanism, operation);
  try {
    return verify(prepared.hash, data, { key, ...prepared.options }, signature);
  } catch {
    return false;
  }
}

function prepare(key: KeyObject, mechanism: SignatureMechanism, operation: string): PreparedSignature {
  const hash = signatureHash(mechanism.hash, operation);
  switch (mechanism.name) {
    case 'RSA-PKCS':
      return { hash: hash.nodeName, options: { padding: constants.RSA_PKCS1_PADDING } };
    case 'RSA-PSS': {
      const saltLength = mechanism.saltLength ?? hash.bytes;
      const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      const maxSaltLength = Math.ceil((modulusBits - 1) / 8) - hash.bytes - 2;
      if (!Number.isInteger(saltLength) || saltLength < 0 || saltLength > maxSaltLength) {
        throw new HsmError(Ckr.MECHANISM_PARAM_INVALID, operation, `PSS salt of ${saltLength} bytes`);
      }
      return { hash: hash.nodeName, options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength } };
    }
    case 'ECDSA':
      return { hash: hash.nodeName, options: { dsaEncoding: 'ieee-p1363' } };
  }
}
