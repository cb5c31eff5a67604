// Command line of `npm run torture`: [--rounds N] [--seed S] [--minutes M] [--data-dir D] [--keep].

import { parseArgs } from 'node:util';

export interface TortureOptions {
  readonly rounds: number;
  readonly seed: number;
  /** Stop starting new rounds after this many minutes (the round under way finishes). */
  readonly minutes?: number;
  /** Default: a new folder under the system's temporary directory. */
  readonly dataDir?: string;
  /** Keep the data directory afterwards (default: removed when every check passed). */
  readonly keep: boolean;
}

export function parseTortureOptions(args: readonly string[]): TortureOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string' },
      minutes: { type: 'string' },
      'data-dir': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const number = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, not "${text}"`);
    return value;
  };
  return {
    rounds: Math.max(1, Math.trunc(number('rounds', values.rounds))),
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Math.trunc(number('seed', values.seed)),
    ...(values.minutes !== undefined ? { minutes: number('minutes', values.minutes) } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    keep: values.keep,
  };
}
