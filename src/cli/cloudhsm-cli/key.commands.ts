// key list, delete, share and unshare (aws-behaviour 7.9, 7.10), on the crypto port of one HSM as a crypto user.

import { OptionKind } from '../cmu/command-options';
import { cliCommand } from './cli-command.types';
import { CliFailure } from './cli-failure';
import { CliRole, nodeRoleOf } from './cli-roles';
import { keyContexts, usernamesById } from './key-context';
import { findKeys, findOneKey, parseKeyFilter, type KeySelection } from './key-filter';
import { keyDetailJson, keySummaryJson } from './key-json.format';

const FILTER_SYNOPSIS = '--filter <key-reference=0x… | attr.label=<label> | attr.class=… | attr.key-type=… | attr.id=0x…> ...';

// 7.9 key list: only keys the logged-in user owns or shares, plus all public keys
export const keyList = cliCommand<{ selection: KeySelection; verbose: boolean }>({
  words: ['key', 'list'],
  synopsis: `[${FILTER_SYNOPSIS}] [--verbose]`,
  options: { filter: OptionKind.VALUES, verbose: OptionKind.SWITCH },
  needsLogin: true,
  parse: (options) => ({ selection: parseKeyFilter(options.all('filter')), verbose: options.has('verbose') }),
  run: async (session, { selection, verbose }) => {
    const client = await session.cryptoClient();
    const keys = await findKeys(client, selection);
    const contexts = verbose ? await keyContexts(session, client, keys) : [];
    const matched = keys.map((view, index) => (verbose && contexts[index] ? keyDetailJson(view, contexts[index]) : keySummaryJson(view)));
    return { matched_keys: matched, total_key_count: keys.length, returned_key_count: keys.length };
  },
});

export const keyDelete = cliCommand<KeySelection>({
  words: ['key', 'delete'],
  synopsis: FILTER_SYNOPSIS,
  options: { filter: OptionKind.VALUES },
  needsLogin: true,
  parse: (options) => parseKeyFilter([options.required('filter', 'name the key, e.g. --filter attr.label=my-key')]),
  run: async (session, selection) => {
    const client = await session.cryptoClient();
    const key = await findOneKey(client, selection);
    await client.call('deleteKey', { handle: key.handle });
    return { message: 'Key deleted successfully' };
  },
});

interface ShareArgs {
  readonly selection: KeySelection;
  readonly username: string;
}

function shareCommand(word: 'share' | 'unshare') {
  return cliCommand<ShareArgs>({
    words: ['key', word],
    synopsis: `${FILTER_SYNOPSIS} --username <crypto user> --role crypto-user`,
    options: { filter: OptionKind.VALUES, username: OptionKind.VALUE, role: OptionKind.VALUE },
    needsLogin: true,
    parse: (options) => {
      // 7.10: keys are shared with crypto users
      nodeRoleOf(options.required('role', 'crypto-user'), [CliRole.CRYPTO_USER]);
      return { selection: parseKeyFilter(options.all('filter')), username: options.required('username', 'the crypto user to share with') };
    },
    run: async (session, { selection, username }) => {
      const client = await session.cryptoClient();
      const key = await findOneKey(client, selection);
      const userId = [...(await usernamesById(client))].find(([, name]) => name === username.toLowerCase())?.[0];
      if (userId === undefined) throw new CliFailure(`there is no user ${username.toLowerCase()} on the HSM: user list shows the users`);
      await client.call('shareKey', { handle: key.handle, userId, share: word === 'share' });
      return { message: word === 'share' ? 'Key shared successfully' : 'Key unshared successfully' };
    },
  });
}

export const keyShare = shareCommand('share');
export const keyUnshare = shareCommand('unshare');
