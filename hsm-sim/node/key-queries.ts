// Reading keys: what a crypto user can see (its own keys, keys shared with it, every public key), and
// the ownership views of getKeyInfo and findAllKeys (aws-behaviour 7.7, 7.10). Served from the node's
// index, never from an engine search.

import { keyHash, markFor, type UserKeyEntry } from './key-digest';
import { KeyAction, mayAccess, requireKeyAccess } from './key-ownership.policy';
import type { KeyStore } from './key-store';
import { NodeError, NodeErrorCode, Role, type ConnectionContext, type KeyClassName, type KeyReference, type KeyTypeName, type KeyView } from './node.types';
import { NodeOperation, requirePermission } from './role-permissions.policy';
import type { UserDirectory } from './user-directory';

export interface KeyFilter {
  readonly label?: string;
  readonly id?: Buffer;
  readonly class?: KeyClassName;
  readonly keyType?: KeyTypeName;
}

export interface KeyInfo {
  readonly handle: number;
  readonly token: boolean;
  readonly ownerId: number;
  readonly sharedWith: readonly number[];
}

export interface FindAllKeysRequest {
  readonly userId: number;
  readonly withHash: boolean;
}

export interface FindAllKeysResult {
  readonly keys: readonly UserKeyEntry[];
  readonly hash?: string;
}

export class KeyQueries {
  constructor(
    private readonly keys: KeyStore,
    private readonly users: UserDirectory,
    private readonly hsmId: string,
  ) {}

  async findKeys(ctx: ConnectionContext, filter: KeyFilter): Promise<KeyView[]> {
    const principal = requirePermission(ctx, NodeOperation.KEY_USE);
    return this.keys
      .all()
      .filter((record) => mayAccess(record, principal.userId, ctx.connectionId, KeyAction.VIEW) && matches(record.view, filter))
      .map((record) => record.view);
  }

  async getKey(ctx: ConnectionContext, { handle }: KeyReference): Promise<KeyView> {
    const principal = requirePermission(ctx, NodeOperation.KEY_USE);
    return this.keys.accessible(ctx, principal, handle, KeyAction.VIEW).view;
  }

  async getKeyInfo(ctx: ConnectionContext, { handle }: KeyReference): Promise<KeyInfo> {
    const principal = requirePermission(ctx, NodeOperation.KEY_INFO);
    const record = this.keys.require(handle);
    // 7.7 getKeyInfo: a CU sees keys it owns or shares; 7.10: COs see ownership of every key
    if (principal.role === Role.CU) requireKeyAccess(record, principal.userId, ctx.connectionId, KeyAction.VIEW);
    const { token, ownerId, sharedWith } = record.view;
    return { handle, token, ownerId, sharedWith };
  }

  /** Token keys only: session keys are not part of what in-sync HSMs agree on. */
  async findAllKeys(ctx: ConnectionContext, { userId, withHash }: FindAllKeysRequest): Promise<FindAllKeysResult> {
    requirePermission(ctx, NodeOperation.FIND_ALL_KEYS);
    if (!this.users.byId(userId)) {
      throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `there is no user ${userId} on HSM ${this.hsmId}: list the users (listUsers)`);
    }
    const listed = this.keys.tokenKeys().flatMap(({ view }) => {
      const mark = markFor(view, userId);
      return mark === undefined ? [] : [{ view, entry: { handle: view.handle, mark } }];
    });
    const keys = listed.map(({ entry }) => entry);
    return withHash ? { keys, hash: keyHash(listed.map(({ view }) => view)) } : { keys };
  }
}

function matches(view: KeyView, filter: KeyFilter): boolean {
  return (
    (filter.label === undefined || filter.label === view.label) &&
    (filter.id === undefined || filter.id.equals(view.id)) &&
    (filter.class === undefined || filter.class === view.class) &&
    (filter.keyType === undefined || filter.keyType === view.keyType)
  );
}
