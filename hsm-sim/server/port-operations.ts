// Which operations each of a node's ports serves: 2223 crypto sessions (what a CloudHSM client library
// and KMS use), 2225 management (cloudhsm_mgmt_util: users, info, key ownership). The sync port (2224)
// is hsm-sim/sync's. Each operation hands the request to the node, which enforces roles and ownership.

import type { RpcHandlers } from '../protocol';
import type { HsmNode } from '../node/hsm-node';
import type { KeyReplica } from '../node/key-replica';
import type { UserReplica } from '../node/node-snapshot';
import { ADMIN_ROLES, NodeError, NodeErrorCode, type ConnectionContext } from '../node/node.types';
import { checkArguments } from './operation-arguments';

type Operation = (node: HsmNode, context: ConnectionContext, args: never) => unknown;

/** Operations both ports offer: logging in and out, and what anyone may read. */
const SESSION_OPERATIONS = {
  login: (node, context, args: Parameters<HsmNode['login']>[1]) => node.login(context, args),
  completeTwoFactorLogin: (node, context, args: Parameters<HsmNode['completeTwoFactorLogin']>[1]) => node.completeTwoFactorLogin(context, args),
  logout: (node, context) => node.logout(context),
  changePassword: (node, context, args: Parameters<HsmNode['changePassword']>[1]) => node.changePassword(context, args),
  sessionInfo: (_node, context) => ({ principal: context.principal ?? null }),
  hsmInfo: (node) => node.hsmInfo(),
  listUsers: (node) => node.listUsers(),
} satisfies Record<string, Operation>;

/** The key operations of port 2223 (what an hsm-busy fault limits; logging in and out always pass). */
export const CRYPTO_KEY_OPERATIONS = {
  generateKey: (node, context, args: Parameters<HsmNode['generateKey']>[1]) => node.generateKey(context, args),
  generateKeyPair: (node, context, args: Parameters<HsmNode['generateKeyPair']>[1]) => node.generateKeyPair(context, args),
  findKeys: (node, context, args: Parameters<HsmNode['findKeys']>[1]) => node.findKeys(context, args),
  getKey: (node, context, args: Parameters<HsmNode['getKey']>[1]) => node.getKey(context, args),
  setKeyAttributes: (node, context, args: Parameters<HsmNode['setKeyAttributes']>[1]) => node.setKeyAttributes(context, args),
  shareKey: (node, context, args: Parameters<HsmNode['shareKey']>[1]) => node.shareKey(context, args),
  deleteKey: (node, context, args: Parameters<HsmNode['deleteKey']>[1]) => node.deleteKey(context, args),
  wrapKey: (node, context, args: Parameters<HsmNode['wrapKey']>[1]) => node.wrapKey(context, args),
  unwrapKey: (node, context, args: Parameters<HsmNode['unwrapKey']>[1]) => node.unwrapKey(context, args),
  encrypt: (node, context, args: Parameters<HsmNode['encrypt']>[1]) => node.encrypt(context, args),
  decrypt: (node, context, args: Parameters<HsmNode['decrypt']>[1]) => node.decrypt(context, args),
  sign: (node, context, args: Parameters<HsmNode['sign']>[1]) => node.sign(context, args),
  verify: (node, context, args: Parameters<HsmNode['verify']>[1]) => node.verify(context, args),
  publicKey: (node, context, args: Parameters<HsmNode['publicKey']>[1]) => node.publicKey(context, args),
  random: (node, context, args: Parameters<HsmNode['random']>[1]) => node.random(context, args),
} satisfies Record<string, Operation>;

export const CRYPTO_PORT_OPERATIONS = { ...SESSION_OPERATIONS, ...CRYPTO_KEY_OPERATIONS } satisfies Record<string, Operation>;

export const MANAGEMENT_PORT_OPERATIONS = {
  ...SESSION_OPERATIONS,
  createUser: (node, context, args: Parameters<HsmNode['createUser']>[1]) => node.createUser(context, args),
  deleteUser: (node, context, args: Parameters<HsmNode['deleteUser']>[1]) => node.deleteUser(context, args),
  changeTwoFactor: (node, context, args: Parameters<HsmNode['changeTwoFactor']>[1]) => node.changeTwoFactor(context, args),
  findAllKeys: (node, context, args: Parameters<HsmNode['findAllKeys']>[1]) => node.findAllKeys(context, args),
  getKeyInfo: (node, context, args: Parameters<HsmNode['getKeyInfo']>[1]) => node.getKeyInfo(context, args),
  getKey: (node, context, args: Parameters<HsmNode['getKey']>[1]) => node.getKey(context, args),
  shareKey: (node, context, args: Parameters<HsmNode['shareKey']>[1]) => node.shareKey(context, args),
  // 7.7 syncUser (CO): cmu reads the user from one HSM and writes it to another.
  exportUser: (node, context, args: { username: string }) => {
    requireAdmin(context, 'syncUser');
    return node.exportUser(args.username);
  },
  importUser: (node, context, args: UserReplica) => {
    requireAdmin(context, 'syncUser');
    return node.importUser(args);
  },
  // 7.7 syncKey (CO and CU): the key travels wrapped under the cluster key, as between the HSMs themselves.
  exportKeyReplica: async (node, context, args: { handle: number }) => {
    requireLoggedIn(context, 'syncKey');
    await node.getKeyInfo(context, args);
    return node.exportKeyReplica(args.handle);
  },
  importKeyReplica: (node, context, args: KeyReplica) => {
    requireLoggedIn(context, 'syncKey');
    return node.importKeyReplica(args);
  },
} satisfies Record<string, Operation>;

export function portHandlers(node: HsmNode, operations: Record<string, Operation>): RpcHandlers {
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [
      name,
      (context: ConnectionContext, args: unknown) => {
        checkArguments(name, args);
        return operation(node, context, args as never);
      },
    ]),
  );
}

function requireLoggedIn(context: ConnectionContext, command: string): void {
  if (!context.principal) throw new NodeError(NodeErrorCode.NOT_LOGGED_IN, `${command} needs a logged-in user: run loginHSM first`);
}

function requireAdmin(context: ConnectionContext, command: string): void {
  requireLoggedIn(context, command);
  if (!ADMIN_ROLES.includes(context.principal!.role)) {
    throw new NodeError(NodeErrorCode.ROLE_NOT_PERMITTED, `${command} needs a crypto officer (CO); ${context.principal!.username} is ${context.principal!.role}`);
  }
}
