// user list, create, delete, change-password and change-mfa (aws-behaviour 7.2-7.5, 7.9). They go to the
// management port of every HSM: users are not synchronised between HSMs (7.10).

import type { Role, UserView } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from '../cmu/command-line-error';
import { OptionKind, type GivenOptions } from '../cmu/command-options';
import { readPublicKeyPem } from '../cmu/two-factor-files';
import { cliCommand } from './cli-command.types';
import { CliRole, cliRoleOf, nodeRoleOf } from './cli-roles';
import type { CliSession } from './cli-session';
import { userListJson } from './user-list.format';

interface UserArgs {
  readonly username: string;
  readonly role: Role;
}

const USER_OPTIONS = { username: OptionKind.VALUE, role: OptionKind.VALUE } as const;
const USER_SYNOPSIS = '--username <name> --role <admin|crypto-user>';

function parseUser(options: GivenOptions): UserArgs {
  const username = options.required('username', 'the user name');
  return { username, role: nodeRoleOf(options.required('role', 'admin or crypto-user'), [CliRole.ADMIN, CliRole.CRYPTO_USER]) };
}

// 7.9: user commands answer with the user's name (always lower-case, 7.3) and role
function userData({ username, role }: UserArgs): { username: string; role: string } {
  return { username: username.toLowerCase(), role: cliRoleOf(role) };
}

function isOwnLogin(session: CliSession, username: string): boolean {
  return session.current?.username.toLowerCase() === username.toLowerCase();
}

export const userList = cliCommand<void>({
  words: ['user', 'list'],
  synopsis: '',
  options: {},
  needsLogin: false,
  parse: () => undefined,
  run: async (session) => userListJson(await session.onEveryHsm('user list', (client) => client.call<UserView[]>('listUsers'))),
});

export const userCreate = cliCommand<UserArgs & { password: string }>({
  words: ['user', 'create'],
  synopsis: `${USER_SYNOPSIS} --password <password>`,
  options: { ...USER_OPTIONS, password: OptionKind.VALUE },
  needsLogin: true,
  parse: (options) => ({ ...parseUser(options), password: options.required('password', "the new user's password") }),
  run: async (session, request) => {
    await session.onEveryHsm('user create', (client) => client.call('createUser', request));
    return userData(request);
  },
});

export const userDelete = cliCommand<UserArgs>({
  words: ['user', 'delete'],
  synopsis: USER_SYNOPSIS,
  options: USER_OPTIONS,
  needsLogin: true,
  parse: parseUser,
  run: async (session, request) => {
    await session.onEveryHsm('user delete', (client) => client.call('deleteUser', request));
    return userData(request);
  },
});

// SIM: like cmu changePswd (7.5), a password change removes the user's MFA
export const userChangePassword = cliCommand<UserArgs & { password: string }>({
  words: ['user', 'change-password'],
  synopsis: `${USER_SYNOPSIS} --password <new password>`,
  options: { ...USER_OPTIONS, password: OptionKind.VALUE },
  needsLogin: true,
  parse: (options) => ({ ...parseUser(options), password: options.required('password', 'the new password') }),
  run: async (session, request) => {
    const own = isOwnLogin(session, request.username);
    if (own) await session.releaseCrypto();
    await session.onEveryHsm('user change-password', (client) => client.call('changePassword', request));
    if (own) session.passwordChanged(request.password);
    return userData(request);
  },
});

export const userChangeMfa = cliCommand<UserArgs & { tokenPath: string | undefined }>({
  words: ['user', 'change-mfa', 'token-sign'],
  // SIM: --token names the user's RSA public key PEM; real CLI writes a token file for the user to sign
  synopsis: `${USER_SYNOPSIS} (--token <public key PEM path> | --deregister)`,
  options: { ...USER_OPTIONS, token: OptionKind.VALUE, deregister: OptionKind.SWITCH },
  needsLogin: true,
  parse: (options) => {
    const tokenPath = options.optional('token');
    if ((tokenPath === undefined) === !options.has('deregister')) throw new CommandLineError('give either --token <public key PEM path> or --deregister');
    return { ...parseUser(options), tokenPath };
  },
  run: async (session, { username, role, tokenPath }) => {
    const publicKeyPem = tokenPath === undefined ? null : await readPublicKeyPem(tokenPath, '--token');
    await session.onEveryHsm('user change-mfa', (client) => client.call('changeTwoFactor', { username, role, publicKeyPem }));
    return userData({ username, role });
  },
});
