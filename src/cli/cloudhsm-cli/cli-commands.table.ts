// Every CloudHSM CLI command this tool offers (aws-behaviour 6.6, 7.9).

import type { CliCommand } from './cli-command.types';
import { clusterActivate } from './cluster.commands';
import { generateAes, generateEcPair, generateGenericSecret, generateRsaPair } from './key-generation.commands';
import { keyDelete, keyList, keyShare, keyUnshare } from './key.commands';
import { login, logout } from './session.commands';
import { userChangeMfa, userChangePassword, userCreate, userDelete, userList } from './user.commands';

export const CLI_COMMANDS: readonly CliCommand[] = [
  login,
  logout,
  clusterActivate,
  userList,
  userCreate,
  userDelete,
  userChangePassword,
  userChangeMfa,
  keyList,
  generateAes,
  generateGenericSecret,
  generateRsaPair,
  generateEcPair,
  keyDelete,
  keyShare,
  keyUnshare,
];
