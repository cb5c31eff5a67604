// A cloudhsm_mgmt_util command: its name, syntax, whether it changes HSMs, how its words are read and
// what it does. Reading is separate from running, so a line can be checked without any HSM.

import { CommandLineError } from './command-line-error';
import type { CmuSession } from './cmu-session';

export interface CmuCommandSpec<A> {
  readonly name: string;
  /** The syntax, shown by help and with a usage error. */
  readonly usage: string;
  /** 7.7: mutating commands print the CAUTION banner and ask before running. */
  readonly mutating: boolean;
  /** Reads the words after the command name; throws CommandLineError. */
  readonly parse: (words: readonly string[]) => A;
  readonly run: (session: CmuSession, args: A) => Promise<void>;
}

/** A command of the table, its argument type hidden. */
export interface CmuCommand {
  readonly name: string;
  readonly usage: string;
  prepare(words: readonly string[]): PreparedCmuCommand;
}

/** A line read and checked, ready to run. */
export interface PreparedCmuCommand {
  readonly name: string;
  readonly mutating: boolean;
  readonly args: unknown;
  run(session: CmuSession): Promise<void>;
}

export function cmuCommand<A>(spec: CmuCommandSpec<A>): CmuCommand {
  const { name, usage, mutating } = spec;
  return {
    name,
    usage,
    prepare(words) {
      let args: A;
      try {
        args = spec.parse(words);
      } catch (error) {
        if (error instanceof CommandLineError) throw new CommandLineError(`${name}: ${error.message}\nUsage: ${usage}`);
        throw error;
      }
      return { name, mutating, args, run: (session) => spec.run(session, args) };
    },
  };
}
