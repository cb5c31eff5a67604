// findAllKeys (aws-behaviour 7.7): which keys a user owns or is shared, how each is marked, and a hash
// that is identical on HSMs whose copies of those keys agree.

import { createHash } from 'node:crypto';
import type { KeyView } from './node.types';

export type KeyMark = 's' | 'o' | '';

export interface UserKeyEntry {
  readonly handle: number;
  readonly mark: KeyMark;
}

// 7.7: (s) = shared with the user; (o) = owned unshared secret/private keys and the user's public keys; owned and shared keys go unmarked
export function markFor(view: KeyView, userId: number): KeyMark | undefined {
  if (view.ownerId === userId) return view.class === 'PUBLIC_KEY' || view.sharedWith.length === 0 ? 'o' : '';
  return view.sharedWith.includes(userId) ? 's' : undefined;
}

/** SHA-256 hex over a canonical form of each key's handle, kind, size, owner, sorted shares and attributes, in handle order. */
export function keyHash(views: readonly KeyView[]): string {
  const canonical = [...views]
    .sort((a, b) => a.handle - b.handle)
    .map((view) => [
      view.handle,
      view.class,
      view.keyType,
      view.size,
      view.ownerId,
      [...view.sharedWith].sort((a, b) => a - b),
      [view.label, view.id.toString('hex'), view.token, view.extractable, view.encrypt, view.decrypt, view.wrap, view.unwrap, view.sign, view.verify, view.derive],
    ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
