// What a crypto user may do with a key, from how the user relates to it (aws-behaviour 7.10).

import { NodeError, NodeErrorCode, type KeyView } from './node.types';

export const KeyAction = {
  /** See it: find, get, getKeyInfo. */
  VIEW: 'view',
  /** Cryptographic operations, and wrapping other keys with it. */
  USE: 'use',
  /** Delete, export (wrap), share/unshare, change attributes. */
  MANAGE: 'manage',
} as const;
export type KeyAction = (typeof KeyAction)[keyof typeof KeyAction];

export type KeyRelation = 'owner' | 'sharer' | 'public' | 'none';

/** The connection a session key lives in; token keys have none. */
export interface OwnedKey {
  readonly view: KeyView;
  readonly connectionId?: string;
}

// 7.10: the owner deletes, exports, shares and changes attributes; sharers only use; public keys are usable by every CU
const ALLOWED: Readonly<Record<KeyRelation, readonly KeyAction[]>> = {
  owner: [KeyAction.VIEW, KeyAction.USE, KeyAction.MANAGE],
  sharer: [KeyAction.VIEW, KeyAction.USE],
  public: [KeyAction.VIEW, KeyAction.USE],
  none: [],
};

function relationOf(key: OwnedKey, userId: number, connectionId: string): KeyRelation {
  // SIM: a session key lives in the session (connection) that made it; no other connection sees it
  if (key.connectionId !== undefined && key.connectionId !== connectionId) return 'none';
  if (key.view.ownerId === userId) return 'owner';
  if (key.view.sharedWith.includes(userId)) return 'sharer';
  if (key.view.class === 'PUBLIC_KEY') return 'public';
  return 'none';
}

export function mayAccess(key: OwnedKey, userId: number, connectionId: string, action: KeyAction): boolean {
  return ALLOWED[relationOf(key, userId, connectionId)].includes(action);
}

/** KEY_NOT_FOUND for a key the user cannot see at all, KEY_ACCESS_DENIED for one it sees but may not `action`. */
export function requireKeyAccess(key: OwnedKey, userId: number, connectionId: string, action: KeyAction): void {
  const relation = relationOf(key, userId, connectionId);
  if (relation === 'none') throw keyNotFound(key.view.handle);
  if (!ALLOWED[relation].includes(action)) {
    throw new NodeError(
      NodeErrorCode.KEY_ACCESS_DENIED,
      `key ${key.view.handle} belongs to user ${key.view.ownerId} and ${relation === 'sharer' ? 'is shared with you' : 'is a public key'}, so you may only use it: only its owner may ${action} it`,
    );
  }
}

export function keyNotFound(handle: number): NodeError {
  return new NodeError(NodeErrorCode.KEY_NOT_FOUND, `no key with handle ${handle} that you own or that is shared with you`);
}
