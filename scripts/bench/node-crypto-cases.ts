// The same operations on node:crypto: the in-process ceiling for this machine (softhsm-notes §4).

import { createCipheriv, createSecretKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { BenchCase } from './bench-case';

export const NODE_CRYPTO = 'node:crypto';

const GCM_IV_BYTES = 12;

export function nodeAesGcmEncrypt(plaintext: Buffer, aad: Buffer): BenchCase {
  let key: KeyObject;
  return {
    label: NODE_CRYPTO,
    async setup() {
      key = createSecretKey(randomBytes(32));
    },
    run() {
      const cipher = createCipheriv('aes-256-gcm', key, randomBytes(GCM_IV_BYTES));
      cipher.setAAD(aad);
      // ciphertext || tag, as the engine returns it
      Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    },
  };
}

export function nodeSecretKeyGeneration(): BenchCase {
  return {
    label: NODE_CRYPTO,
    run() {
      createSecretKey(randomBytes(32));
    },
  };
}

export function nodeRsaSign(message: Buffer): BenchCase {
  let privateKey: KeyObject;
  return {
    label: NODE_CRYPTO,
    async setup() {
      privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    },
    run() {
      sign('sha256', message, privateKey);
    },
  };
}

export function nodeEcdsaSign(message: Buffer): BenchCase {
  let privateKey: KeyObject;
  return {
    label: NODE_CRYPTO,
    async setup() {
      privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    },
    run() {
      // raw r||s, as the engine returns it
      sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    },
  };
}
