// The shell's own commands: server mode (7.7: `server <n>` then syncUser/syncKey), exit and quit.

import { exactly, parseNumber } from './cmu-arguments';
import { cmuCommand } from './cmu-command.types';

export const server = cmuCommand<{ serverNumber: number }>({
  name: 'server',
  usage: 'server <server number>   (later commands run on that server only; exit leaves)',
  mutating: false,
  parse: (words) => {
    const [number = ''] = exactly(words, 1);
    return { serverNumber: parseNumber(number, 'server number') };
  },
  run: async (session, { serverNumber }) => session.focusOn(session.connectedServer(serverNumber)),
});

export const exit = cmuCommand<void>({
  name: 'exit',
  usage: 'exit   (leaves server mode; quits outside it)',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: async (session) => (session.focused ? session.focusOn(undefined) : session.quit()),
});

export const quit = cmuCommand<void>({
  name: 'quit',
  usage: 'quit',
  mutating: false,
  parse: (words) => void exactly(words, 0),
  run: async (session) => session.quit(),
});
