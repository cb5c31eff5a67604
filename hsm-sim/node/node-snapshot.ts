// Users and whole HSM states as they are copied between HSMs: cmu syncUser, and a new HSM cloned from an
// existing one (aws-behaviour 6.7, 7.7).

import type { KeyReplica } from './key-replica';
import type { Role } from './node.types';

export interface UserReplica {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  /** As stored: scheme, cost, salt and hash; never the password. */
  readonly passwordHash: string;
  readonly twoFactorPublicKeyPem?: string;
  readonly loginFailures: number;
  readonly locked: boolean;
}

export interface NodeSnapshot {
  readonly users: readonly UserReplica[];
  readonly keys: readonly KeyReplica[];
  readonly activated: boolean;
  readonly nextKeySequence: number;
}
