// CKA_MODULUS/CKA_PUBLIC_EXPONENT or CKA_EC_PARAMS/CKA_EC_POINT -> DER SubjectPublicKeyInfo.

import { createPublicKey, type JsonWebKey } from 'node:crypto';
import type { EcCurve } from '../hsm-engine.types';

export function rsaSpki(modulus: Buffer, publicExponent: Buffer): Buffer {
  return spkiFromJwk({ kty: 'RSA', n: base64url(stripLeadingZeros(modulus)), e: base64url(stripLeadingZeros(publicExponent)) });
}

/** ecPoint is CKA_EC_POINT: an uncompressed point 04||x||y, DER-wrapped in an OCTET STRING by SoftHSM. */
export function ecSpki(curve: EcCurve, ecPoint: Buffer): Buffer {
  const point = unwrapOctetString(ecPoint);
  const coordinateLength = (point.length - 1) / 2;
  return spkiFromJwk({
    kty: 'EC',
    crv: curve,
    x: base64url(point.subarray(1, 1 + coordinateLength)),
    y: base64url(point.subarray(1 + coordinateLength)),
  });
}

function unwrapOctetString(value: Buffer): Buffer {
  if (value[0] !== 0x04) return value;
  const length = value[1] ?? 0;
  if (length < 0x80 && length === value.length - 2) return value.subarray(2);
  if (length === 0x81 && value[2] === value.length - 3) return value.subarray(3);
  return value;
}

function spkiFromJwk(jwk: JsonWebKey): Buffer {
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' });
}

function stripLeadingZeros(value: Buffer): Buffer {
  const first = value.findIndex((byte) => byte !== 0);
  return first <= 0 ? value : value.subarray(first);
}

function base64url(value: Buffer): string {
  return value.toString('base64url');
}
