// loginHSM and logoutHSM (aws-behaviour 7.4, 7.5, 7.7): on every server, one line each.

import type { LoginResult } from '../../../hsm-sim/node/user-login';
import { NodeError, NodeErrorCode, type Role } from '../../../hsm-sim/node/node.types';
import type { RpcClient } from '../../../hsm-sim/protocol';
import { exactly, LOGIN_ROLES, parseRole, takeOption } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';
import { challengeSignerFrom, type ChallengeSigner } from './two-factor-files';

interface LoginArgs {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly privateKeyPath: string | undefined;
}

export const loginHsm = cmuCommand<LoginArgs>({
  name: 'loginHSM',
  usage: 'loginHSM <CO|CU|PRECO|PCO> <user name> <password> [-2fa <private key PEM path>]',
  mutating: false,
  parse: (words) => {
    const { value: privateKeyPath, rest } = takeOption(words, '-2fa');
    const [role = '', username = '', password = ''] = exactly(rest, 3);
    return { role: parseRole(role, LOGIN_ROLES), username, password, privateKeyPath };
  },
  run: async (session, args) => {
    const signer = args.privateKeyPath === undefined ? undefined : await challengeSignerFrom(args.privateKeyPath);
    await session.reportOnEachTarget('loginHSM', ({ client }) => logIn(client, args, signer));
  },
});

export const logoutHsm = cmuCommand<void>({
  name: 'logoutHSM',
  usage: 'logoutHSM',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: (session) => session.reportOnEachTarget('logoutHSM', ({ client }) => client.call('logout')),
});

async function logIn(client: RpcClient, { role, username, password }: LoginArgs, signer: ChallengeSigner | undefined): Promise<void> {
  const result = await client.call<LoginResult>('login', { role, username, password });
  if (!('twoFactorChallenge' in result)) return;
  if (!signer) throw new NodeError(NodeErrorCode.TWO_FACTOR_REQUIRED, `user '${username}' has 2FA: log in with -2fa <private key PEM path>`);
  await client.call('completeTwoFactorLogin', { signature: signer(result.twoFactorChallenge) });
}
