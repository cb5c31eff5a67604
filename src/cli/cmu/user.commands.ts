// createUser, deleteUser, changePswd and listUsers (aws-behaviour 7.2-7.5, 7.7; activation 6.6): user
// changes go to every server the tool is connected to, and nowhere else.

import { Role, type UserView } from '../../../hsm-sim/node/node.types';
import { exactly, parseRole, takeOption, USER_ROLES } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';
import { readPublicKeyPem } from './two-factor-files';
import { userTableLines } from './user-table.format';

interface UserArgs {
  readonly role: Role;
  readonly username: string;
}

interface CredentialArgs extends UserArgs {
  readonly password: string;
  readonly publicKeyPath: string | undefined;
}

function parseCredentials(words: readonly string[]): CredentialArgs {
  const { value: publicKeyPath, rest } = takeOption(words, '-2fa');
  const [role = '', username = '', password = ''] = exactly(rest, 3);
  return { role: parseRole(role, USER_ROLES), username, password, publicKeyPath };
}

async function twoFactorKey(path: string | undefined): Promise<{ twoFactorPublicKeyPem?: string }> {
  return path === undefined ? {} : { twoFactorPublicKeyPem: await readPublicKeyPem(path) };
}

export const createUser = cmuCommand<CredentialArgs>({
  name: 'createUser',
  usage: 'createUser <CO|CU|PCO|PRECO> <user name> <password> [-2fa <public key PEM path>]',
  mutating: true,
  parse: parseCredentials,
  run: async (session, { role, username, password, publicKeyPath }) => {
    const request = { role, username, password, ...(await twoFactorKey(publicKeyPath)) };
    session.print(`Creating User ${username}(${role}) on ${session.targets.length} nodes`);
    await session.reportOnEachTarget('createUser', ({ client }) => client.call('createUser', request));
  },
});

// 7.5: changing the password without -2fa removes 2FA
export const changePswd = cmuCommand<CredentialArgs>({
  name: 'changePswd',
  usage: 'changePswd <CO|CU|PCO|PRECO> <user name> <new password> [-2fa <public key PEM path>]',
  mutating: true,
  parse: parseCredentials,
  run: async (session, { role, username, password, publicKeyPath }) => {
    const request = { role, username, password, ...(await twoFactorKey(publicKeyPath)) };
    session.print(`Changing password for ${username}(${role}) on ${session.targets.length} nodes`);
    await session.reportOnEachTarget('changePswd', ({ client }) => client.call('changePassword', request));
  },
});

export const deleteUser = cmuCommand<UserArgs>({
  name: 'deleteUser',
  usage: 'deleteUser <CO|CU> <user name>',
  mutating: true,
  parse: (words) => {
    const [role = '', username = ''] = exactly(words, 2);
    return { role: parseRole(role, [Role.CO, Role.CU]), username };
  },
  run: async (session, request) => {
    session.print(`Deleting user ${request.username}(${request.role}) on ${session.targets.length} nodes`);
    await session.reportOnEachTarget('deleteUser', ({ client }) => client.call('deleteUser', request));
  },
});

// 7.7 listUsers: anyone, no login
export const listUsers = cmuCommand<void>({
  name: 'listUsers',
  usage: 'listUsers',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: (session) => session.printOnEachTarget('listUsers', ({ client }) => client.call<UserView[]>('listUsers'), userTableLines),
});
