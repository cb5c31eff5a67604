// What one HSM holds, read-only, for the simulator's web console: its users with their lockout and 2FA
// state and whether they are logged in now, and its keys with owner and sharers. Never a password hash,
// a 2FA key or key material.

import type { KeyStore } from './key-store';
import type { Role } from './node.types';
import type { SessionRegistry } from './session-registry';
import type { UserDirectory } from './user-directory';

export interface InspectedUser {
  readonly name: string;
  readonly role: Role;
  readonly locked: boolean;
  readonly twoFactor: boolean;
  readonly failedLogins: number;
  readonly loggedIn: boolean;
}

export interface InspectedKey {
  readonly handle: number;
  /** KMS labels the keys it makes with the key ARN. */
  readonly label: string;
  readonly keyClass: string;
  readonly keyType: string;
  /** The owner's user name (or `#<id>` when that user no longer exists here). */
  readonly owner: string;
  readonly sharedWith: readonly string[];
  /** false: a session key, gone when its connection closes. */
  readonly token: boolean;
}

export interface NodeInspection {
  readonly users: readonly InspectedUser[];
  readonly keys: readonly InspectedKey[];
}

export function inspectNode(users: UserDirectory, keys: KeyStore, sessions: SessionRegistry): NodeInspection {
  const nameOf = (userId: number): string => users.byId(userId)?.username ?? `#${userId}`;
  return {
    users: users.list().map((user) => ({
      name: user.username,
      role: user.role,
      locked: user.locked,
      twoFactor: user.twoFactor,
      failedLogins: user.loginFailures,
      loggedIn: sessions.isLoggedIn(user.id),
    })),
    keys: keys.all().map(({ view }) => ({
      handle: view.handle,
      label: view.label,
      keyClass: view.class,
      keyType: view.keyType,
      owner: nameOf(view.ownerId),
      sharedWith: view.sharedWith.map(nameOf),
      token: view.token,
    })),
  };
}
