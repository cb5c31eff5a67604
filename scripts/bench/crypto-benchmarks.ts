// The engine rows of `npm run bench`: each operation on the HSM engine and on node:crypto, compared in
// the same run. Bracketed ids are the matching rows of softhsm-notes §4.

import { randomBytes } from 'node:crypto';
import type { Benchmark } from './bench-case';
import type { EngineFixture } from './engine-fixture';
import { hsmAesGcmEncrypt, hsmSign, hsmTokenKeyGeneration } from './hsm-engine-cases';
import { NODE_CRYPTO, nodeAesGcmEncrypt, nodeEcdsaSign, nodeRsaSign, nodeSecretKeyGeneration } from './node-crypto-cases';

const AAD_BYTES = 32;
const MESSAGE_BYTES = 32;

export function cryptoBenchmarks(hsm: EngineFixture): Benchmark[] {
  const aad = randomBytes(AAD_BYTES);
  const message = randomBytes(MESSAGE_BYTES);
  const aesGcmEncrypt = (id: string, title: string, bytes: number): Benchmark => {
    const plaintext = randomBytes(bytes);
    return {
      id,
      title,
      cases: [hsmAesGcmEncrypt(hsm, plaintext, aad), nodeAesGcmEncrypt(plaintext, aad)],
      baseline: NODE_CRYPTO,
    };
  };
  return [
    // [c-e4096]
    aesGcmEncrypt('aes-gcm-encrypt-4k', 'AES-256-GCM encrypt 4 KiB', 4096),
    // [c-e32] a KMS Encrypt of a data key
    aesGcmEncrypt('aes-gcm-encrypt-32', 'AES-256-GCM encrypt 32 B', 32),
    {
      // [e1]
      id: 'rsa-2048-sign',
      title: 'RSA-2048 sign PKCS#1 v1.5 SHA-256',
      cases: [
        hsmSign(hsm, { type: 'RSA', modulusBits: 2048 }, { name: 'RSA-PKCS', hash: 'SHA-256' }, message),
        nodeRsaSign(message),
      ],
      baseline: NODE_CRYPTO,
    },
    {
      // [e2]
      id: 'ec-p256-sign',
      title: 'EC P-256 sign ECDSA SHA-256',
      cases: [hsmSign(hsm, { type: 'EC', curve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }, message), nodeEcdsaSign(message)],
      baseline: NODE_CRYPTO,
    },
    {
      // [b2] Last: it leaves its keys in the token. node:crypto persists nothing, so this ratio only says
      // how storage-bound token keys are.
      id: 'aes-token-key-generate',
      title: 'AES-256 token key generate',
      cases: [hsmTokenKeyGeneration(hsm), nodeSecretKeyGeneration()],
      baseline: NODE_CRYPTO,
    },
  ];
}
