// 7.1: the CloudHSM CLI (SDK 5) names of the roles cloudhsm_mgmt_util calls PRECO, CO/PCO, CU and AU.

import { Role } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from '../cmu/command-line-error';

export const CliRole = {
  ADMIN: 'admin',
  CRYPTO_USER: 'crypto-user',
  UNACTIVATED_ADMIN: 'unactivated-admin',
  APPLIANCE_USER: 'internal(APPLIANCE_USER)',
} as const;
export type CliRole = (typeof CliRole)[keyof typeof CliRole];

const CLI_ROLE_OF: Readonly<Record<Role, CliRole>> = {
  [Role.PRECO]: CliRole.UNACTIVATED_ADMIN,
  [Role.CO]: CliRole.ADMIN,
  [Role.PCO]: CliRole.ADMIN,
  [Role.CU]: CliRole.CRYPTO_USER,
  [Role.AU]: CliRole.APPLIANCE_USER,
};

/** The roles a user can name on the command line (the appliance user is AWS's own). */
const NODE_ROLE_OF: Readonly<Record<string, Role>> = {
  [CliRole.ADMIN]: Role.CO,
  [CliRole.CRYPTO_USER]: Role.CU,
  [CliRole.UNACTIVATED_ADMIN]: Role.PRECO,
};

export function cliRoleOf(role: Role): CliRole {
  return CLI_ROLE_OF[role];
}

export function nodeRoleOf(typed: string, allowed: readonly CliRole[] = [CliRole.ADMIN, CliRole.CRYPTO_USER, CliRole.UNACTIVATED_ADMIN]): Role {
  const role = allowed.includes(typed as CliRole) ? NODE_ROLE_OF[typed] : undefined;
  if (role === undefined) throw new CommandLineError(`--role ${typed} is not one of ${allowed.join(', ')}`);
  return role;
}
