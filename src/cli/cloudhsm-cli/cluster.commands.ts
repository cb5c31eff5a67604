// 6.6: `cluster activate [--password]`, run by the unactivated-admin: its password change turns it into the
// admin and activates the cluster → {"error_code":0,"data":"Cluster activation successful"}.

import { Role } from '../../../hsm-sim/node/node.types';
import { OptionKind } from '../cmu/command-options';
import { cliCommand } from './cli-command.types';
import { CliFailure } from './cli-failure';

export const clusterActivate = cliCommand<{ password: string }>({
  words: ['cluster', 'activate'],
  synopsis: '--password <new admin password>   (logged in as unactivated-admin)',
  options: { password: OptionKind.VALUE },
  needsLogin: true,
  parse: (options) => ({ password: options.required('password', 'the password the admin will have') }),
  run: async (session, { password }) => {
    const { username, role } = session.requireLogin();
    // SIM: real CLI activates without a login; the simulated PRECO logs in first with the cluster's PreCoPassword
    if (role !== Role.PRECO) throw new CliFailure('cluster activate is run by the unactivated-admin: log in with --role unactivated-admin');
    await session.releaseCrypto();
    await session.onEveryHsm('cluster activate', (client) => client.call('changePassword', { role: Role.PRECO, username, password }));
    session.passwordChanged(password);
    return 'Cluster activation successful';
  },
});
