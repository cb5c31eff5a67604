// The `cloudhsm-sim` command: dispatches to its subcommands.

import 'reflect-metadata';
import { parseFlags } from './parse-flags';
import { startCommand } from './start-command';

const USAGE = `usage: cloudhsm-sim <command> [flags]

commands:
  start    run the simulator  [--data-dir DIR] [--port P] [--time-scale S] [--engine softhsm|in-memory]
  help     this text`;

export async function main(args: readonly string[]): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (positional[0]) {
    case 'start':
      return startCommand(flags, print);
    case undefined:
    case 'help':
      print(USAGE);
      return 0;
    default:
      process.stderr.write(`cloudhsm-sim: unknown command "${positional[0]}"\n${USAGE}\n`);
      return 2;
  }
}
