// The argument shape of each port operation, checked before the node sees it: a request whose arguments
// are not an object, or lack a member, or carry one of the wrong JSON type, is answered
// CKR_ARGUMENTS_BAD (as a PKCS#11 library answers a malformed call), never with a TypeError from deep
// inside the node. Values (ranges, enums, roles) are still the node's to check.

import { NodeError, NodeErrorCode } from '../node/node.types';

type Kind = 'string' | 'integer' | 'boolean' | 'buffer' | 'object' | 'string-or-null';
/** Member name -> kind; a trailing `?` marks an optional member. */
type ArgumentShape = Readonly<Record<string, Kind>>;

const USER = { role: 'string', username: 'string' } as const;
const HANDLE = { handle: 'integer' } as const;

/** Operations absent here take no arguments (or ignore them). */
export const OPERATION_ARGUMENTS: Readonly<Record<string, ArgumentShape>> = {
  login: { ...USER, password: 'string' },
  completeTwoFactorLogin: { signature: 'buffer' },
  changePassword: { ...USER, password: 'string', 'twoFactorPublicKeyPem?': 'string' },
  createUser: { ...USER, password: 'string' },
  deleteUser: USER,
  changeTwoFactor: { ...USER, publicKeyPem: 'string-or-null' },
  generateKey: { keyType: 'string', bits: 'integer', 'attributes?': 'object' },
  generateKeyPair: { spec: 'object', 'publicAttributes?': 'object', 'privateAttributes?': 'object' },
  findKeys: { 'label?': 'string', 'id?': 'buffer', 'class?': 'string', 'keyType?': 'string' },
  getKey: HANDLE,
  getKeyInfo: HANDLE,
  findAllKeys: { userId: 'integer', withHash: 'boolean' },
  setKeyAttributes: { ...HANDLE, attributes: 'object' },
  shareKey: { ...HANDLE, userId: 'integer', share: 'boolean' },
  deleteKey: HANDLE,
  wrapKey: { wrappingHandle: 'integer', ...HANDLE, mechanism: 'string' },
  unwrapKey: { unwrappingHandle: 'integer', wrapped: 'buffer', mechanism: 'string', template: 'object' },
  encrypt: { ...HANDLE, iv: 'buffer', 'aad?': 'buffer', plaintext: 'buffer' },
  decrypt: { ...HANDLE, iv: 'buffer', 'aad?': 'buffer', ciphertext: 'buffer' },
  sign: { ...HANDLE, mechanism: 'string', data: 'buffer' },
  verify: { ...HANDLE, mechanism: 'string', data: 'buffer', signature: 'buffer' },
  publicKey: HANDLE,
  random: { length: 'integer' },
  exportUser: { username: 'string' },
  importUser: { id: 'integer', ...USER, passwordHash: 'string', loginFailures: 'integer', locked: 'boolean' },
  exportKeyReplica: HANDLE,
  importKeyReplica: { view: 'object' },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string-or-null':
      return value === null || typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'buffer':
      return Buffer.isBuffer(value);
    case 'object':
      return isObject(value);
  }
}

/** Throws NodeError(CKR_ARGUMENTS_BAD) naming the first member that does not fit. */
export function checkArguments(operation: string, args: unknown): void {
  const shape = Object.hasOwn(OPERATION_ARGUMENTS, operation) ? OPERATION_ARGUMENTS[operation] : undefined;
  if (shape === undefined) return;
  // findKeys alone may be called without arguments (no filter).
  if (args === undefined && operation === 'findKeys') return;
  if (!isObject(args)) throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `${operation}: the arguments must be an object`);
  for (const [declared, kind] of Object.entries(shape)) {
    const optional = declared.endsWith('?');
    const name = optional ? declared.slice(0, -1) : declared;
    const value = Object.hasOwn(args, name) ? args[name] : undefined;
    if (value === undefined && optional) continue;
    if (!fits(kind, value)) throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `${operation}: ${name} must be ${kind === 'buffer' ? 'bytes' : `a ${kind}`}`);
  }
  // KeyReplica: the wrapped secret or the public key, as bytes.
  if (operation === 'importKeyReplica' && !Buffer.isBuffer(args['wrapped']) && !Buffer.isBuffer(args['publicKeySpki'])) {
    throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, 'importKeyReplica: wrapped or publicKeySpki must be bytes');
  }
}
