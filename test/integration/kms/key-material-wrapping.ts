// What an importer does with GetParametersForImport's PublicKey (importing-keys-encrypt-key-material.html),
// with node:crypto: RSA-OAEP, or an ephemeral AES-256 key under RSA-OAEP followed by the material under
// AES key wrap with padding (RFC 5649).

import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import type { AlgorithmSpec } from '@aws-sdk/client-kms';

const KWP_IV = Buffer.from('a65959a6', 'hex');

export function wrap(algorithm: AlgorithmSpec, publicKeyDer: Uint8Array, material: Buffer): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  const oaepHash = algorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const oaep = (data: Buffer): Buffer => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  if (algorithm.startsWith('RSAES_OAEP')) return oaep(material);
  const aesKey = randomBytes(32);
  const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, KWP_IV);
  return Buffer.concat([oaep(aesKey), cipher.update(material), cipher.final()]);
}
