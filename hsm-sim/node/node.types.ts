// The simulated HSM's own vocabulary: CloudHSM users and roles, the keys users own and share, and the
// failures a node reports. Transport-free: hsm-sim/server carries these over TLS.

/** aws-behaviour 7.1: cloudhsm_mgmt_util role names. */
export const Role = { PRECO: 'PRECO', CO: 'CO', PCO: 'PCO', CU: 'CU', AU: 'AU' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Roles allowed to manage users (CO and PCO; PRECO only to activate itself). */
export const ADMIN_ROLES: readonly Role[] = [Role.CO, Role.PCO];

export interface UserView {
  readonly id: number;
  /** Lower-case; names are case-insensitive. */
  readonly username: string;
  readonly role: Role;
  readonly loginFailures: number;
  readonly locked: boolean;
  /** CMU -2fa (CO) or CLI token-sign MFA (CO and CU): login needs a signature from the registered key. */
  readonly twoFactor: boolean;
}

/** Who is logged in on one client connection (one TLS connection = one CloudHSM session). */
export interface Principal {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
}

/** A client connection as the node sees it. */
export interface ConnectionContext {
  readonly connectionId: string;
  readonly sourceAddress: string;
  principal?: Principal;
  /** Set by a login that still needs its 2FA signature. */
  pendingTwoFactor?: { readonly userId: number; readonly challenge: Buffer };
}

export type SymmetricKeyType = 'AES' | 'GENERIC_SECRET';

/** The key attributes users see and set (CloudHSM OBJ_ATTR_*), independent of the engine's own. */
export interface UserKeyAttributes {
  readonly label: string;
  readonly id: Buffer;
  readonly token: boolean;
  readonly extractable: boolean;
  readonly encrypt: boolean;
  readonly decrypt: boolean;
  readonly wrap: boolean;
  readonly unwrap: boolean;
  readonly sign: boolean;
  readonly verify: boolean;
  readonly derive: boolean;
}

export type KeyClassName = 'SECRET_KEY' | 'PUBLIC_KEY' | 'PRIVATE_KEY';
export type KeyTypeName = 'AES' | 'GENERIC_SECRET' | 'RSA' | 'EC';

/** One key as the node records it. `handle` is the CloudHSM key handle, the same on every HSM of a cluster. */
export interface KeyView extends UserKeyAttributes {
  readonly handle: number;
  readonly class: KeyClassName;
  readonly keyType: KeyTypeName;
  /** Bytes for secret keys, bits of the modulus for RSA, the curve for EC. */
  readonly size: number | string;
  readonly ownerId: number;
  readonly sharedWith: readonly number[];
  /** The other half of a key pair, if any. */
  readonly pairHandle?: number;
  readonly createdAt: string;
}

/** Names one key in a request. */
export interface KeyReference {
  readonly handle: number;
}

/**
 * Node failures. The names are CKR-style codes a CloudHSM client library would surface; the KMS side
 * maps them to ConnectionErrorCodes through one table.
 */
export const NodeErrorCode = {
  /** Wrong password (CloudHSM: RET_USER_LOGIN_FAILURE). */
  LOGIN_FAILED: 'CKR_PIN_INCORRECT',
  /** 5 consecutive failed logins. */
  USER_LOCKED: 'CKR_PIN_LOCKED',
  USER_NOT_FOUND: 'CKR_USER_NOT_FOUND',
  USER_EXISTS: 'CKR_USER_ALREADY_EXISTS',
  /** changePswd/deleteUser on a user who is logged in somewhere. */
  USER_LOGGED_IN: 'CKR_USER_ALREADY_LOGGED_IN',
  /** This connection is already logged in. */
  SESSION_LOGGED_IN: 'CKR_USER_ANOTHER_ALREADY_LOGGED_IN',
  NOT_LOGGED_IN: 'CKR_USER_NOT_LOGGED_IN',
  /** The role may not do this (a CO encrypting, a CU creating users). */
  ROLE_NOT_PERMITTED: 'CKR_USER_TYPE_INVALID',
  /** A CU using or managing a key it neither owns nor has been shared. */
  KEY_ACCESS_DENIED: 'CKR_KEY_ACCESS_DENIED',
  KEY_NOT_FOUND: 'CKR_OBJECT_HANDLE_INVALID',
  /** deleteUser of a CU that still owns keys. */
  USER_OWNS_KEYS: 'CKR_USER_OWNS_KEYS',
  TWO_FACTOR_REQUIRED: 'CKR_MFA_REQUIRED',
  TWO_FACTOR_FAILED: 'CKR_MFA_SIGNATURE_INVALID',
  QUOTA_EXCEEDED: 'CKR_QUOTA_EXCEEDED',
  ARGUMENTS_BAD: 'CKR_ARGUMENTS_BAD',
  NOT_INITIALIZED: 'CKR_CLUSTER_NOT_INITIALIZED',
  /** Fewer HSMs than the key-availability quorum hold a new key. */
  KEY_AVAILABILITY: 'CKR_KEY_AVAILABILITY_QUORUM_NOT_MET',
  /** The engine token does not belong to this node's state (its PIN is not the one the node keeps). */
  TOKEN_NOT_RECOGNIZED: 'CKR_TOKEN_NOT_RECOGNIZED',
} as const;
export type NodeErrorCode = (typeof NodeErrorCode)[keyof typeof NodeErrorCode] | `CKR_${string}`;

export class NodeError extends Error {
  override readonly name = 'NodeError';

  constructor(
    readonly code: NodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
