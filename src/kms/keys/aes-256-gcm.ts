// AES-256-GCM in the simulator's own process: for AWS_KMS keys and for sealing their material at rest.
// (AWS_CLOUDHSM keys never come here: their GCM runs inside the HSMs.)

import { createCipheriv, createDecipheriv } from 'node:crypto';
import { pooledRandomBytes } from '../../shared/pooled-random-bytes';
import { IV_BYTES, TAG_BYTES } from './domain/ciphertext-format';

export interface GcmSealed {
  readonly iv: Buffer;
  /** Ciphertext followed by the 16-byte tag. */
  readonly sealed: Buffer;
}

export function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): GcmSealed {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  return { iv, sealed: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) };
}

/** The plaintext, or undefined when the tag does not verify (wrong key, AAD or a changed byte). */
export function gcmOpen(key: Buffer, { iv, sealed }: GcmSealed, aad: Buffer): Buffer | undefined {
  if (sealed.length < TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([body, decipher.final()]);
  } catch {
    return undefined;
  }
}
