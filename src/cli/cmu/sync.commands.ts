// syncUser and syncKey (aws-behaviour 7.7, 7.10): copy a user or a key from a server that has it to one that
// lacks it - users are never synchronised by the HSMs themselves, so this is how a partial user is fixed.
// The source is the server chosen with `server <n>`, or else the first other connected server that has it.

import type { KeyReplica } from '../../../hsm-sim/node/key-replica';
import type { UserReplica } from '../../../hsm-sim/node/node-snapshot';
import { NodeError, NodeErrorCode, type UserView } from '../../../hsm-sim/node/node.types';
import { exactly, parseNumber } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';
import type { CmuSession } from './cmu-session';
import type { ConnectedHsm } from './hsm-connections';
import { failureLine } from './server-result.format';

interface SyncArgs {
  readonly id: number;
  readonly serverNumber: number;
}

/** Reads a copy from `source`; undefined when the source does not have it. */
type CopyReader<T> = (source: ConnectedHsm) => Promise<T | undefined>;

function parseSync(what: string) {
  return (words: readonly string[]): SyncArgs => {
    const [id = '', server = ''] = exactly(words, 2);
    return { id: parseNumber(id, what), serverNumber: parseNumber(server, 'server number') };
  };
}

/** Tries each source in turn until one has the object, then writes it to the target. */
async function copyTo<T>(session: CmuSession, command: string, target: ConnectedHsm, read: CopyReader<T>, write: (copy: T) => Promise<unknown>, missing: string): Promise<void> {
  for (const source of session.targets.filter((server) => server.index !== target.index)) {
    let copy: T | undefined;
    try {
      copy = await read(source);
    } catch (error) {
      session.print(failureLine(command, source, error));
      continue;
    }
    if (copy === undefined) continue;
    try {
      await write(copy);
      // 7.7 syncUser / syncKey: `syncUser success`
      session.print(`${command} success`);
    } catch (error) {
      session.print(failureLine(command, target, error));
    }
    return;
  }
  session.print(`${command} failed: ${missing}`);
}

export const syncUser = cmuCommand<SyncArgs>({
  name: 'syncUser',
  usage: 'syncUser <user id> <destination server number>',
  mutating: true,
  parse: parseSync('user id'),
  run: async (session, { id, serverNumber }) => {
    const target = session.connectedServer(serverNumber);
    const read: CopyReader<UserReplica> = async ({ client }) => {
      const user = (await client.call<UserView[]>('listUsers')).find((candidate) => candidate.id === id);
      return user && client.call<UserReplica>('exportUser', { username: user.username });
    };
    const write = (replica: UserReplica): Promise<unknown> => target.client.call('importUser', replica);
    await copyTo(session, 'syncUser', target, read, write, `no connected server other than server ${serverNumber} has user ${id}`);
  },
});

export const syncKey = cmuCommand<SyncArgs>({
  name: 'syncKey',
  usage: 'syncKey <key handle> <destination server number>',
  mutating: true,
  parse: parseSync('key handle'),
  run: async (session, { id, serverNumber }) => {
    const target = session.connectedServer(serverNumber);
    const read: CopyReader<KeyReplica> = ({ client }) =>
      client.call<KeyReplica>('exportKeyReplica', { handle: id }).catch((error: unknown) => {
        if (error instanceof NodeError && error.code === NodeErrorCode.KEY_NOT_FOUND) return undefined;
        throw error;
      });
    const write = (replica: KeyReplica): Promise<unknown> => target.client.call('importKeyReplica', replica);
    await copyTo(session, 'syncKey', target, read, write, `no connected server other than server ${serverNumber} holds key ${id}`);
  },
});
