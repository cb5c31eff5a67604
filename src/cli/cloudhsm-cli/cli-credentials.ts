// Who a one-shot command logs in as: --username/--role/--password, or (7.9) CLOUDHSM_ROLE=<role> and
// CLOUDHSM_PIN=<user>:<password> in the environment.

import type { Role } from '../../../hsm-sim/node/node.types';
import type { GivenOptions } from '../cmu/command-options';
import { CliFailure } from './cli-failure';
import { nodeRoleOf } from './cli-roles';

export interface Credentials {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

export type CliEnvironment = Readonly<Record<string, string | undefined>>;

export function credentialsFromOptions(options: GivenOptions): Credentials | undefined {
  const username = options.optional('username');
  if (username === undefined) return undefined;
  return {
    username,
    role: nodeRoleOf(options.required('role', 'admin, crypto-user or unactivated-admin')),
    password: options.required('password', "the user's password"),
  };
}

export function credentialsFromEnvironment(environment: CliEnvironment): Credentials | undefined {
  const { CLOUDHSM_ROLE: role, CLOUDHSM_PIN: pin } = environment;
  if (role === undefined || pin === undefined) return undefined;
  const separator = pin.indexOf(':');
  if (separator < 1) throw new CliFailure('CLOUDHSM_PIN must be <user name>:<password>');
  return { username: pin.slice(0, separator), role: nodeRoleOf(role), password: pin.slice(separator + 1) };
}

export function requireCredentials(command: string, options: GivenOptions | undefined, environment: CliEnvironment): Credentials {
  const credentials = (options && credentialsFromOptions(options)) ?? credentialsFromEnvironment(environment);
  if (credentials === undefined) {
    throw new CliFailure(`${command} needs a login: give --username, --role and --password, or set CLOUDHSM_ROLE=<role> and CLOUDHSM_PIN=<user>:<password>`);
  }
  return credentials;
}
