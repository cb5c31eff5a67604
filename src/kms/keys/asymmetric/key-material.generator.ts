// New material for a key of a KeySpec other than SYMMETRIC_DEFAULT, or for a data key pair: RSA, EC and
// Ed25519 key pairs from node:crypto (PKCS#8 DER private key, DER SubjectPublicKeyInfo), HMAC keys of the
// spec's length, ML-DSA seeds.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeySpecRow } from '../domain/key-spec.table';
import { ML_DSA_SEED_BYTES, mlDsaPublicKey } from './ml-dsa';

export interface GeneratedMaterial {
  /** PKCS#8 DER private key, HMAC key, or ML-DSA seed. The caller zeroes it once sealed. */
  readonly secret: Buffer;
  /** DER SubjectPublicKeyInfo; asymmetric keys only. */
  readonly publicKey?: Buffer;
}


export function generateMaterial(row: KeySpecRow): GeneratedMaterial {
  switch (row.family) {
    case 'rsa': {
      // asymmetric-key-specs: RSA keys use the public exponent 65537.
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: row.modulusBits!, publicExponent: 0x10001, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
      return { secret: privateKey, publicKey };
    }
    case 'ec': {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: row.namedCurve!, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
      return { secret: privateKey, publicKey };
    }
    case 'ed25519': {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
      return { secret: privateKey, publicKey };
    }
    case 'hmac':
      return { secret: randomBytes(row.secretBytes!) };
    case 'ml-dsa': {
      const seed = randomBytes(ML_DSA_SEED_BYTES);
      return { secret: seed, publicKey: mlDsaPublicKey(row.mlDsa!, seed) };
    }
    default:
      throw new Error(`no key material generator for the ${row.family} family`);
  }
}
