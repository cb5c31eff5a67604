// What anyone may read without logging in (aws-behaviour 7.2, 7.7): getHSMInfo and `info server <n>`.

import type { HsmInfo } from '../../../hsm-sim/node/hsm-info';
import type { Principal } from '../../../hsm-sim/node/node.types';
import { exactly, parseNumber } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';
import { CommandLineError } from './command-line-error';
import { isConnected } from './hsm-connections';
import { hsmInfoLines, infoServerLines } from './hsm-info.format';

export const getHsmInfo = cmuCommand<void>({
  name: 'getHSMInfo',
  usage: 'getHSMInfo',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: async (session) => {
    session.print(`Getting HSM Info on ${session.targets.length} nodes`);
    await session.printOnEachTarget('getHSMInfo', ({ client }) => client.call<HsmInfo>('hsmInfo'), hsmInfoLines);
  },
});

export const info = cmuCommand<{ serverNumber: number }>({
  name: 'info',
  usage: 'info server <server number>',
  mutating: false,
  parse: (words) => {
    const [kind = '', number = ''] = exactly(words, 2);
    if (kind !== 'server') throw new CommandLineError(`info shows a server: info server <number>, not "${kind}"`);
    return { serverNumber: parseNumber(number, 'server number') };
  },
  run: async (session, { serverNumber }) => {
    const server = session.server(serverNumber);
    if (!isConnected(server)) {
      for (const line of infoServerLines(server, { connected: false })) session.print(line);
      return;
    }
    const [hsm, current] = await Promise.all([server.client.call<HsmInfo>('hsmInfo'), server.client.call<{ principal: Principal | null }>('sessionInfo')]);
    for (const line of infoServerLines(server, { connected: true, partition: hsm.hsmId, principal: current.principal })) session.print(line);
  },
});
