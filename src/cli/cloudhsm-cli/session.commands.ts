// login and logout (aws-behaviour 7.4, 7.9): `login --username kmsuser --role crypto-user --password pw` →
// {"username":"kmsuser","role":"crypto-user"}.

import { OptionKind } from '../cmu/command-options';
import { cliCommand } from './cli-command.types';
import { credentialsFromOptions, type Credentials } from './cli-credentials';
import { cliRoleOf } from './cli-roles';
import { CommandLineError } from '../cmu/command-line-error';

export const login = cliCommand<Credentials>({
  words: ['login'],
  synopsis: '--username <name> --role <admin|crypto-user|unactivated-admin> --password <password>',
  options: { username: OptionKind.VALUE, role: OptionKind.VALUE, password: OptionKind.VALUE },
  needsLogin: false,
  parse: (options) => {
    const credentials = credentialsFromOptions(options);
    // SIM: real CloudHSM CLI prompts for a password left out; this one needs it on the line
    if (credentials === undefined) throw new CommandLineError('--username is required');
    return credentials;
  },
  run: async (session, credentials) => {
    const user = await session.logIn(credentials);
    return { username: user.username, role: cliRoleOf(user.role) };
  },
});

export const logout = cliCommand<void>({
  words: ['logout'],
  synopsis: '',
  options: {},
  needsLogin: false,
  parse: () => undefined,
  run: async (session) => {
    await session.logOut();
    return 'Logout successful';
  },
});
