// What a user name, a password and a 2FA public key must look like (aws-behaviour 7.3, 7.5).

import { createPublicKey, type KeyObject } from 'node:crypto';
import { NodeLimits } from './node-limits';
import { NodeError, NodeErrorCode, Role } from './node.types';

const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,31}$/;
// 7.3: password 7-32 characters, case-sensitive [D 2023]; SIM: the current quota page says 8-32
const PASSWORD_LENGTH = { min: 7, max: 32 } as const;

// 7.3: user name <= 31 characters, only '_' special, not case-sensitive
export function normalizeUsername(username: string): string {
  if (typeof username !== 'string' || !USERNAME_PATTERN.test(username)) {
    throw new NodeError(
      NodeErrorCode.ARGUMENTS_BAD,
      `user name "${String(username)}" is not valid: use 1-31 letters, digits or '_'`,
    );
  }
  return username.toLowerCase();
}

export function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new NodeError(
      NodeErrorCode.ARGUMENTS_BAD,
      `the password must be ${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max} characters long`,
    );
  }
}

export function checkRole(role: Role): void {
  if (!Object.values<string>(Role).includes(role)) {
    throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `role "${String(role)}" is not one of ${Object.values(Role).join(', ')}`);
  }
}

/** PCO and CO name the same kind of user (7.1). */
export function sameRole(requested: Role, actual: Role): boolean {
  const kind = (role: Role): Role => (role === Role.PCO ? Role.CO : role);
  return kind(requested) === kind(actual);
}

// 7.5: the user signs with an RSA-2048 key (sha256WithRSAEncryption); the node keeps its public half
export function parseTwoFactorKey(publicKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, 'the 2FA public key is not a PEM public key');
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < NodeLimits.minTwoFactorModulusBits) {
    throw new NodeError(
      NodeErrorCode.ARGUMENTS_BAD,
      `the 2FA public key must be an RSA key of at least ${NodeLimits.minTwoFactorModulusBits} bits`,
    );
  }
  return key;
}
