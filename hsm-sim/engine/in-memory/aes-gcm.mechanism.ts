import { createCipheriv, createDecipheriv, type CipherGCMTypes, type KeyObject } from 'node:crypto';
import { gcmTagBits } from '../engine-limits';
import type { EncryptionMechanism } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';

const TAG_BITS: readonly number[] = [96, 104, 112, 120, 128];
const CIPHERS: Readonly<Record<number, CipherGCMTypes>> = { 16: 'aes-128-gcm', 24: 'aes-192-gcm', 32: 'aes-256-gcm' };

interface GcmParameters {
  readonly cipher: CipherGCMTypes;
  readonly iv: Buffer;
  readonly aad: Buffer | undefined;
  readonly tagBytes: number;
}

export function gcmEncrypt(key: KeyObject, mechanism: EncryptionMechanism, plaintext: Buffer, operation: string): Buffer {
  const gcm = gcmParameters(key, mechanism, operation);
  const cipher = createCipheriv(gcm.cipher, key, gcm.iv, { authTagLength: gcm.tagBytes });
  if (gcm.aad) cipher.setAAD(gcm.aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function gcmDecrypt(key: KeyObject, mechanism: EncryptionMechanism, ciphertext: Buffer, operation: string): Buffer {
  const gcm = gcmParameters(key, mechanism, operation);
  if (ciphertext.length < gcm.tagBytes) throw new HsmError(Ckr.ENCRYPTED_DATA_INVALID, operation, 'shorter than the tag');
  const bodyLength = ciphertext.length - gcm.tagBytes;
  try {
    const decipher = createDecipheriv(gcm.cipher, key, gcm.iv, { authTagLength: gcm.tagBytes });
    decipher.setAuthTag(ciphertext.subarray(bodyLength));
    if (gcm.aad) decipher.setAAD(gcm.aad);
    return Buffer.concat([decipher.update(ciphertext.subarray(0, bodyLength)), decipher.final()]);
  } catch {
    throw new HsmError(Ckr.ENCRYPTED_DATA_INVALID, operation, 'tag does not verify');
  }
}

function gcmParameters(key: KeyObject, mechanism: EncryptionMechanism, operation: string): GcmParameters {
  if (mechanism.name !== 'AES-GCM') throw new HsmError(Ckr.MECHANISM_INVALID, operation, String(mechanism.name));
  const tagBits = gcmTagBits(mechanism);
  if (!TAG_BITS.includes(tagBits)) throw new HsmError(Ckr.MECHANISM_PARAM_INVALID, operation, `tag of ${tagBits} bits`);
  const cipher = CIPHERS[key.symmetricKeySize ?? 0];
  if (!cipher) throw new HsmError(Ckr.KEY_SIZE_RANGE, operation, 'AES key of an unsupported size');
  return { cipher, iv: mechanism.iv, aad: mechanism.aad, tagBytes: tagBits / 8 };
}
