// LookupEvents' NextToken: where the last page ended, bound to the filters it was issued for.

import { createHash } from 'node:crypto';
import type { EventCursor } from './cloudtrail-event.repository';
import { InvalidNextTokenException } from './cloudtrail.errors';

/** The filters of a lookup, as a short digest: a token is valid only with the filters that made it. */
export function filterDigest(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);
}

export function encodeToken(cursor: EventCursor, digest: string): string {
  return Buffer.from(JSON.stringify({ t: cursor.time, s: cursor.seq, f: digest })).toString('base64url');
}

/** API_LookupEvents: InvalidNextTokenException "Invalid token or token that was previously used in a request with different parameters". */
export function decodeToken(token: string, digest: string): EventCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const { t, s, f } = fields;
  if (typeof t !== 'number' || typeof s !== 'number' || f !== digest) {
    throw new InvalidNextTokenException('Invalid NextToken: it is not one LookupEvents gave, or it was given for other lookup attributes or times.');
  }
  return { time: t, seq: s };
}
