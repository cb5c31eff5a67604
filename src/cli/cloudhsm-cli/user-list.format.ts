// 7.9 user list: {"users":[{"username","role","locked","mfa":[…],"cluster-coverage"}]}, one entry per user
// name across the HSMs; "cluster-coverage" is "full" when every HSM asked has the user.

import type { UserView } from '../../../hsm-sim/node/node.types';
import { cliRoleOf } from './cli-roles';

export interface CliUser {
  readonly username: string;
  readonly role: string;
  /** 7.4: `"locked": "true"`, a string. */
  readonly locked: 'true' | 'false';
  readonly mfa: readonly { readonly strategy: 'token-sign'; readonly status: 'enabled' }[];
  readonly quorum: readonly never[];
  readonly 'cluster-coverage': 'full' | 'partial';
}

/** `perHsm`: listUsers of each HSM that answered. Users in order of first appearance. */
export function userListJson(perHsm: readonly (readonly UserView[])[]): { users: CliUser[] } {
  const byName = new Map<string, UserView[]>();
  for (const user of perHsm.flat()) byName.set(user.username, [...(byName.get(user.username) ?? []), user]);
  const users = [...byName.values()].map((copies): CliUser => {
    const [first] = copies as [UserView, ...UserView[]];
    return {
      username: first.username,
      role: cliRoleOf(first.role),
      locked: copies.some((copy) => copy.locked) ? 'true' : 'false',
      // 7.5: `"mfa": [{"strategy":"token-sign","status":"enabled"}]`
      mfa: copies.some((copy) => copy.twoFactor) ? [{ strategy: 'token-sign', status: 'enabled' }] : [],
      // SIM: quorum (M of N) is not simulated
      quorum: [],
      'cluster-coverage': copies.length === perHsm.length ? 'full' : 'partial',
    };
  });
  return { users };
}
