// ML-DSA (FIPS 204) over @noble/post-quantum, which node:crypto does not offer on Node 20: key pairs from a
// 32-byte seed (the only secret kept), signatures over a message (pure ML-DSA, empty context) or over an
// external mu, and the DER SubjectPublicKeyInfo of a public key (RFC 9881 / draft-ietf-lamps-dilithium-certificates).

import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';

export type MlDsaSet = 'ml_dsa44' | 'ml_dsa65' | 'ml_dsa87';

const SETS = { ml_dsa44, ml_dsa65, ml_dsa87 } as const;
/** id-ml-dsa-44/65/87: 2.16.840.1.101.3.4.3.17, .18, .19. */
const OID_LAST_ARC: Readonly<Record<MlDsaSet, number>> = { ml_dsa44: 0x11, ml_dsa65: 0x12, ml_dsa87: 0x13 };
export const ML_DSA_SEED_BYTES = 32;
/** FIPS 204: mu is 64 bytes. */
export const MU_BYTES = 64;

function keysOf(set: MlDsaSet, seed: Buffer): { publicKey: Uint8Array; secretKey: Uint8Array } {
  return SETS[set].keygen(new Uint8Array(seed));
}

export function mlDsaPublicKey(set: MlDsaSet, seed: Buffer): Buffer {
  return mlDsaSpki(set, keysOf(set, seed).publicKey);
}

/** Pure ML-DSA over `message` with an empty context, or ML-DSA.Sign_internal over a 64-byte `mu`. */
export function mlDsaSign(set: MlDsaSet, seed: Buffer, input: Buffer, externalMu: boolean): Buffer {
  const { secretKey } = keysOf(set, seed);
  try {
    const signature = externalMu ? SETS[set].internal.sign(new Uint8Array(input), secretKey, { externalMu: true }) : SETS[set].sign(new Uint8Array(input), secretKey);
    return Buffer.from(signature);
  } finally {
    secretKey.fill(0);
  }
}

export function mlDsaVerify(set: MlDsaSet, spki: Buffer, input: Buffer, signature: Buffer, externalMu: boolean): boolean {
  const publicKey = new Uint8Array(spki.subarray(spki.length - SETS[set].lengths.publicKey!));
  try {
    return externalMu
      ? SETS[set].internal.verify(new Uint8Array(signature), new Uint8Array(input), publicKey, { externalMu: true })
      : SETS[set].verify(new Uint8Array(signature), new Uint8Array(input), publicKey);
  } catch {
    return false;
  }
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  return length < 0x100 ? Buffer.from([0x81, length]) : Buffer.from([0x82, length >> 8, length & 0xff]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** SEQUENCE { SEQUENCE { OID id-ml-dsa-N } (no parameters), BIT STRING { publicKey } }. */
function mlDsaSpki(set: MlDsaSet, publicKey: Uint8Array): Buffer {
  const oid = der(0x06, Buffer.from([0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, OID_LAST_ARC[set]]));
  return der(0x30, Buffer.concat([der(0x30, oid), der(0x03, Buffer.concat([Buffer.from([0x00]), publicKey]))]));
}
