// Grant tokens and grant ids. AWS does not publish its token format; the simulator's token is base64 of
// a version byte, the 32-byte grant id and 16 random bytes, so every CreateGrant returns a new token
// (API_CreateGrant: "the returned grant token is unique with every CreateGrant request").

import { createHash, randomBytes } from 'node:crypto';
import { InvalidGrantIdException, InvalidGrantTokenException } from '../../kms.errors';

const TOKEN_VERSION = 0x01;
const GRANT_ID_BYTES = 32;
const NONCE_BYTES = 16;
const TOKEN_BYTES = 1 + GRANT_ID_BYTES + NONCE_BYTES;
const GRANT_ID = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new grant id: 64 hex digits, as AWS's are. */
export function newGrantId(): string {
  return randomBytes(GRANT_ID_BYTES).toString('hex');
}

/** API_RevokeGrant, API_RetireGrant, API_ListGrants: a GrantId that is not one -> InvalidGrantIdException. */
export function checkGrantId(grantId: string): void {
  if (!GRANT_ID.test(grantId)) throw new InvalidGrantIdException(`${grantId} is not a grant id: grant ids are the 64 hex digits CreateGrant returns.`);
}

export function newGrantToken(grantId: string): string {
  return Buffer.concat([Buffer.from([TOKEN_VERSION]), Buffer.from(grantId, 'hex'), randomBytes(NONCE_BYTES)]).toString('base64');
}

export function grantTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The grant id a well-formed token names; anything else is InvalidGrantTokenException. */
export function grantIdOfToken(token: string): string {
  const bytes = BASE64.test(token) ? Buffer.from(token, 'base64') : Buffer.alloc(0);
  if (bytes.length !== TOKEN_BYTES || bytes[0] !== TOKEN_VERSION) {
    throw new InvalidGrantTokenException('The grant token is not valid: pass a GrantToken exactly as CreateGrant returned it.');
  }
  return bytes.subarray(1, 1 + GRANT_ID_BYTES).toString('hex');
}
