// Key ownership and attributes over the management port (aws-behaviour 7.7, 7.10): findAllKeys, getKeyInfo,
// listAttributes, getAttribute and shareKey.

import type { FindAllKeysResult, KeyInfo } from '../../../hsm-sim/node/key-queries';
import { NodeError, type KeyView } from '../../../hsm-sim/node/node.types';
import { exactly, parseFlag, parseNumber, takeOption } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';
import { CommandLineError } from './command-line-error';
import { attributeNameOf } from './key-attribute-ids';
import { attributeHeaderLine, attributeValueLines, listAttributesLines } from './key-attributes.format';
import { findAllKeysLines, keyInfoLines } from './key-info.format';

// PKCS#11: the key has no such attribute
const ATTRIBUTE_TYPE_INVALID = 'CKR_ATTRIBUTE_TYPE_INVALID';

export const findAllKeys = cmuCommand<{ userId: number; withHash: boolean }>({
  name: 'findAllKeys',
  usage: 'findAllKeys <user id> <key hash (0/1)>',
  mutating: false,
  parse: (words) => {
    const [userId = '', hash = ''] = exactly(words, 2);
    return { userId: parseNumber(userId, 'user id'), withHash: parseFlag(hash, 'key hash') };
  },
  run: (session, request) => session.printOnEachTarget('findAllKeys', ({ client }) => client.call<FindAllKeysResult>('findAllKeys', request), findAllKeysLines),
});

export const getKeyInfo = cmuCommand<{ handle: number }>({
  name: 'getKeyInfo',
  usage: 'getKeyInfo -k <key handle>',
  mutating: false,
  parse: (words) => {
    const { value, rest } = takeOption(words, '-k');
    if (value === undefined) throw new CommandLineError('-k <key handle> is required');
    exactly(rest, 0);
    return { handle: parseNumber(value, 'key handle') };
  },
  run: (session, request) => session.printOnEachTarget('getKeyInfo', ({ client }) => client.call<KeyInfo>('getKeyInfo', request), keyInfoLines),
});

export const listAttributes = cmuCommand<void>({
  name: 'listAttributes',
  usage: 'listAttributes',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: async (session) => {
    for (const line of listAttributesLines()) session.print(line);
  },
});

export const getAttribute = cmuCommand<{ handle: number; attributeId: number }>({
  name: 'getAttribute',
  usage: 'getAttribute <key handle> <attribute id, 512 for all>',
  mutating: false,
  parse: (words) => {
    const [handle = '', attribute = ''] = exactly(words, 2);
    const attributeId = parseNumber(attribute, 'attribute id');
    if (attributeNameOf(attributeId) === undefined) throw new CommandLineError(`${attributeId} is no attribute id: listAttributes shows them`);
    return { handle: parseNumber(handle, 'key handle'), attributeId };
  },
  run: (session, { handle, attributeId }) =>
    session.printOnEachTarget(
      'getAttribute',
      async ({ client }) => {
        const lines = attributeValueLines(await client.call<KeyView>('getKey', { handle }), attributeId);
        if (lines === undefined) throw new NodeError(ATTRIBUTE_TYPE_INVALID, `key ${handle} has no ${attributeNameOf(attributeId)}`);
        return lines;
      },
      (server, lines) => [attributeHeaderLine(server), ...lines],
    ),
});

export const shareKey = cmuCommand<{ handle: number; userId: number; share: boolean }>({
  name: 'shareKey',
  usage: 'shareKey <key handle> <user id> <1 share | 0 unshare>',
  mutating: true,
  parse: (words) => {
    const [handle = '', userId = '', share = ''] = exactly(words, 3);
    return { handle: parseNumber(handle, 'key handle'), userId: parseNumber(userId, 'user id'), share: parseFlag(share, 'share') };
  },
  run: (session, request) => session.reportOnEachTarget('shareKey', ({ client }) => client.call('shareKey', request)),
});
