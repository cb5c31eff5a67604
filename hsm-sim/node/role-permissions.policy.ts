// Who may do what on an HSM: the permission table of aws-behaviour 7.2 (manage-hsm-users-cmu /
// -chsm-cli), with the per-command rows of 7.7 where the command pages are narrower. Basic cluster
// information needs no login (hsmInfo, listUsers take no connection); masked objects move only between
// HSMs through the sync layer, never over a client connection, so neither has a row here.

import { NodeError, NodeErrorCode, Role, type ConnectionContext, type Principal } from './node.types';

export const NodeOperation = {
  CHANGE_OWN_CREDENTIALS: 'change own password or 2FA',
  CHANGE_ANY_CREDENTIALS: "change another user's password or 2FA",
  MANAGE_USERS: 'add or remove users',
  FIND_ALL_KEYS: 'list the keys of a user (findAllKeys)',
  KEY_INFO: 'read key ownership (getKeyInfo)',
  KEY_MANAGEMENT: 'manage keys (create, delete, wrap, unwrap, share, modify attributes)',
  KEY_USE: 'use keys (encrypt, decrypt, sign, verify, random)',
} as const;
export type NodeOperation = (typeof NodeOperation)[keyof typeof NodeOperation];

const { PRECO, CO, PCO, CU, AU } = Role;

/** operation -> roles allowed; PRECO may only change its own password, which activates the cluster (7.1). */
const PERMISSIONS: Readonly<Record<NodeOperation, readonly Role[]>> = {
  [NodeOperation.CHANGE_OWN_CREDENTIALS]: [PRECO, CO, PCO, CU, AU],
  [NodeOperation.CHANGE_ANY_CREDENTIALS]: [CO, PCO],
  [NodeOperation.MANAGE_USERS]: [CO, PCO],
  // 7.7 findAllKeys: CO, PCO, AU (7.2's "get sync status" row also names CU)
  [NodeOperation.FIND_ALL_KEYS]: [CO, PCO, AU],
  // 7.7 getKeyInfo: CU owner or sharer; COs see ownership (7.10)
  [NodeOperation.KEY_INFO]: [CO, PCO, CU],
  [NodeOperation.KEY_MANAGEMENT]: [CU],
  [NodeOperation.KEY_USE]: [CU],
};

/** What to do instead, per role that is refused. */
const REMEDY: Readonly<Record<Role, string>> = {
  [PRECO]: 'the precrypto officer can only change its own password, which activates the cluster',
  [CO]: 'a CO cannot use or manage keys: log in as a crypto user (CU)',
  [PCO]: 'a CO cannot use or manage keys: log in as a crypto user (CU)',
  [CU]: 'log in as a crypto officer (CO) for that',
  [AU]: 'the appliance user is internal to AWS',
};

export function allows(role: Role, operation: NodeOperation): boolean {
  return PERMISSIONS[operation].includes(role);
}

/** The principal of a connection that may do `operation`; NOT_LOGGED_IN, TWO_FACTOR_REQUIRED or ROLE_NOT_PERMITTED otherwise. */
export function requirePermission(ctx: ConnectionContext, operation: NodeOperation): Principal {
  const principal = requireLogin(ctx, operation);
  if (!allows(principal.role, operation)) {
    throw new NodeError(
      NodeErrorCode.ROLE_NOT_PERMITTED,
      `${principal.role} user '${principal.username}' may not ${operation}: ${REMEDY[principal.role]}`,
    );
  }
  return principal;
}

export function requireLogin(ctx: ConnectionContext, operation: string): Principal {
  if (ctx.principal) return ctx.principal;
  if (ctx.pendingTwoFactor) {
    throw new NodeError(
      NodeErrorCode.TWO_FACTOR_REQUIRED,
      `cannot ${operation}: the login on this connection still needs its 2FA signature of the challenge`,
    );
  }
  throw new NodeError(NodeErrorCode.NOT_LOGGED_IN, `cannot ${operation}: nobody is logged in on this connection; log in first`);
}
