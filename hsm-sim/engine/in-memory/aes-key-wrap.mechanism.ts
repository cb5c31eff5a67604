import { createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto';
import type { WrapMechanism } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';

interface WrapAlgorithm {
  readonly cipherSuffix: string;
  readonly iv: Buffer;
  readonly minWrappedBytes: number;
}

const ALGORITHMS: Readonly<Record<WrapMechanism['name'], WrapAlgorithm>> = {
  'AES-KEY-WRAP': { cipherSuffix: 'wrap', iv: Buffer.from('A6A6A6A6A6A6A6A6', 'hex'), minWrappedBytes: 24 },
  'AES-KEY-WRAP-PAD': { cipherSuffix: 'wrap-pad', iv: Buffer.from('A65959A6', 'hex'), minWrappedBytes: 16 },
};

export function wrapAlgorithm(mechanism: WrapMechanism, operation: string): WrapAlgorithm {
  const algorithm = Object.hasOwn(ALGORITHMS, mechanism.name) ? ALGORITHMS[mechanism.name] : undefined;
  if (!algorithm) throw new HsmError(Ckr.MECHANISM_INVALID, operation, String(mechanism.name));
  return algorithm;
}

export function wrapBytes(kek: KeyObject, mechanism: WrapMechanism, keyBytes: Buffer, operation: string): Buffer {
  const algorithm = wrapAlgorithm(mechanism, operation);
  if (mechanism.name === 'AES-KEY-WRAP' && (keyBytes.length < 16 || keyBytes.length % 8 !== 0)) {
    throw new HsmError(Ckr.KEY_SIZE_RANGE, operation, 'RFC 3394 wraps whole 8-byte blocks, at least 16 bytes');
  }
  const cipher = createCipheriv(cipherName(kek, algorithm), kek, algorithm.iv);
  return Buffer.concat([cipher.update(keyBytes), cipher.final()]);
}

export function requireWrappedLength(mechanism: WrapMechanism, wrapped: Buffer, operation: string): void {
  const algorithm = wrapAlgorithm(mechanism, operation);
  if (wrapped.length < algorithm.minWrappedBytes || wrapped.length % 8 !== 0) {
    throw new HsmError(Ckr.WRAPPED_KEY_LEN_RANGE, operation, `${wrapped.length} bytes`);
  }
}

export function unwrapBytes(kek: KeyObject, mechanism: WrapMechanism, wrapped: Buffer, operation: string): Buffer {
  const algorithm = wrapAlgorithm(mechanism, operation);
  try {
    const decipher = createDecipheriv(cipherName(kek, algorithm), kek, algorithm.iv);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    throw new HsmError(Ckr.WRAPPED_KEY_INVALID, operation, 'integrity check failed');
  }
}

function cipherName(kek: KeyObject, algorithm: WrapAlgorithm): string {
  return `id-aes${(kek.symmetricKeySize ?? 0) * 8}-${algorithm.cipherSuffix}`;
}
