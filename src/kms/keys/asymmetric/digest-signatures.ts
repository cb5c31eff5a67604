// Signatures over a digest, as KMS makes them for MessageType DIGEST (and, after hashing, for RAW): node:crypto
// signs only messages it hashes itself, so RSA padding is built here (RFC 8017 EMSA-PKCS1-v1_5 and EMSA-PSS,
// salt as long as the hash, MGF1 with the same hash) and ECDSA comes from @noble/curves.

import { constants, createHash, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';

export type HashName = 'sha256' | 'sha384' | 'sha512';

/** RFC 8017 9.2 note 1: the DER DigestInfo prefix of each hash. */
const DIGEST_INFO: Readonly<Record<HashName, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};
const HASH_BYTES: Readonly<Record<HashName, number>> = { sha256: 32, sha384: 48, sha512: 64 };

export function rsaPkcs1Sign(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO[hash], digest]));
}

export function rsaPkcs1Verify(publicKey: KeyObject, hash: HashName, digest: Buffer, signature: Buffer): boolean {
  const expected = Buffer.concat([DIGEST_INFO[hash], digest]);
  try {
    const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
    return recovered.length === expected.length && timingSafeEqual(recovered, expected);
  } catch {
    return false;
  }
}

function mgf1(hash: HashName, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * HASH_BYTES[hash] < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(createHash(hash).update(seed).update(c).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function modulusBits(key: KeyObject): number {
  return key.asymmetricKeyDetails!.modulusLength!;
}

/** RFC 8017 9.1.1 EMSA-PSS-ENCODE with sLen = hLen, then RSASP1. */
export function rsaPssSign(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  const hLen = HASH_BYTES[hash];
  const emBits = modulusBits(privateKey) - 1;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([0x01]), salt]);
  const mask = mgf1(hash, h, emLen - hLen - 1);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLen - emBits);
  const em = Buffer.concat([db, h, Buffer.from([0xbc])]);
  const k = Math.ceil(modulusBits(privateKey) / 8);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.concat([Buffer.alloc(k - emLen), em]));
}

/** RSAVP1, then RFC 8017 9.1.2 EMSA-PSS-VERIFY with sLen = hLen. */
export function rsaPssVerify(publicKey: KeyObject, hash: HashName, digest: Buffer, signature: Buffer): boolean {
  const hLen = HASH_BYTES[hash];
  const emBits = modulusBits(publicKey) - 1;
  const emLen = Math.ceil(emBits / 8);
  const k = Math.ceil(modulusBits(publicKey) / 8);
  if (signature.length !== k) return false;
  let em: Buffer;
  try {
    em = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature).subarray(k - emLen);
  } catch {
    return false;
  }
  if (em[emLen - 1] !== 0xbc) return false;
  const db = Buffer.from(em.subarray(0, emLen - hLen - 1));
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  if ((db[0]! & ~(0xff >> (8 * emLen - emBits))) !== 0) return false;
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLen - emBits);
  const separator = emLen - 2 * hLen - 2;
  if (!db.subarray(0, separator).equals(Buffer.alloc(separator)) || db[separator] !== 0x01) return false;
  const salt = db.subarray(separator + 1);
  const expected = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  return timingSafeEqual(expected, h);
}

const CURVES = { 'prime256v1': p256, 'P-256': p256, 'secp384r1': p384, 'P-384': p384, 'secp521r1': p521, 'P-521': p521, 'secp256k1': secp256k1 } as const;

function curveOf(key: KeyObject): (typeof CURVES)[keyof typeof CURVES] {
  const name = key.asymmetricKeyDetails?.namedCurve;
  const curve = name === undefined ? undefined : CURVES[name as keyof typeof CURVES];
  if (curve === undefined) throw new Error(`no ECDSA implementation for curve ${String(name)}`);
  return curve;
}

function jwkBytes(value: string | undefined): Uint8Array {
  return new Uint8Array(Buffer.from(value ?? '', 'base64url'));
}

/** ECDSA over `digest` (truncated to the order's length as FIPS 186 says), DER-encoded (r, s). */
export function ecdsaSign(privateKey: KeyObject, digest: Buffer): Buffer {
  const secret = jwkBytes(privateKey.export({ format: 'jwk' }).d);
  try {
    return Buffer.from(curveOf(privateKey).sign(new Uint8Array(digest), secret, { prehash: false, format: 'der' }));
  } finally {
    secret.fill(0);
  }
}

export function ecdsaVerify(publicKey: KeyObject, digest: Buffer, signature: Buffer): boolean {
  const { x, y } = publicKey.export({ format: 'jwk' });
  const point = new Uint8Array(Buffer.concat([Buffer.from([0x04]), jwkBytes(x), jwkBytes(y)]));
  try {
    return curveOf(publicKey).verify(new Uint8Array(signature), new Uint8Array(digest), point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}
