// API_CreateKey MultiRegion: multi-Region key ids begin with mrk- (then 32 hex digits); every key of a set
// has the same id, so a ciphertext of one decrypts under any other of its set.

import { randomBytes } from 'node:crypto';

export const MULTI_REGION_KEY_PREFIX = 'mrk-';

export function multiRegionKeyId(): string {
  return `${MULTI_REGION_KEY_PREFIX}${randomBytes(16).toString('hex')}`;
}
