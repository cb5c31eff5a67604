// randomBytes() for the many small values of the request path (a 12-byte IV per Encrypt): each call of
// node:crypto's randomBytes builds a job object around OpenSSL's generator, which cost 7% of the main
// process's CPU under `npm run bench`. One 4 KiB draw from the same generator serves hundreds of them.

import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
/** Larger requests are drawn directly. */
const MAX_POOLED_BYTES = 256;

let pool = Buffer.alloc(0);
let offset = 0;

export function pooledRandomBytes(length: number): Buffer {
  if (length > MAX_POOLED_BYTES) return randomBytes(length);
  if (offset + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  // A copy: no value shares memory with another, or keeps the pool alive.
  const bytes = Buffer.from(pool.subarray(offset, offset + length));
  // Bytes handed out are never handed out again.
  pool.fill(0, offset, offset + length);
  offset += length;
  return bytes;
}
