// Every command cloudhsm_mgmt_util understands here (aws-behaviour 7.7), and help, which lists them.

import { exactly } from './cmu-arguments';
import { cmuCommand, type CmuCommand } from './cmu-command.types';
import { getHsmInfo, info } from './info.commands';
import { findAllKeys, getAttribute, getKeyInfo, listAttributes, shareKey } from './key.commands';
import { loginHsm, logoutHsm } from './login.commands';
import { exit, quit, server } from './shell.commands';
import { syncKey, syncUser } from './sync.commands';
import { changePswd, createUser, deleteUser, listUsers } from './user.commands';

const COMMANDS: readonly CmuCommand[] = [
  loginHsm,
  logoutHsm,
  createUser,
  deleteUser,
  changePswd,
  listUsers,
  info,
  getHsmInfo,
  getKeyInfo,
  findAllKeys,
  listAttributes,
  getAttribute,
  shareKey,
  syncUser,
  syncKey,
  server,
  exit,
  quit,
];

const help = cmuCommand<void>({
  name: 'help',
  usage: 'help',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: async (session) => {
    session.print('Commands (any unique prefix will do, e.g. listU):');
    for (const command of CMU_COMMANDS) session.print(`  ${command.usage}`);
  },
});

export const CMU_COMMANDS: readonly CmuCommand[] = [...COMMANDS, help];
