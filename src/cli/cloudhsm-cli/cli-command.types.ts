// A CloudHSM CLI command: the words that name it (`key generate-symmetric aes`), the options it takes, whether
// it runs logged in, how its options are read and what it does. Reading is separate from running.

import { CommandLineError } from '../cmu/command-line-error';
import type { GivenOptions, OptionSpec } from '../cmu/command-options';
import type { CliSession } from './cli-session';

export interface CliCommandSpec<A> {
  readonly words: readonly string[];
  /** The options in help's words: `--username <name> --role <admin|crypto-user> --password <password>`. */
  readonly synopsis: string;
  readonly options: OptionSpec;
  readonly needsLogin: boolean;
  /** Throws CommandLineError. */
  readonly parse: (options: GivenOptions) => A;
  /** Resolves to the JSON's "data". */
  readonly run: (session: CliSession, args: A) => Promise<unknown>;
}

export interface CliCommand {
  readonly words: readonly string[];
  readonly synopsis: string;
  readonly options: OptionSpec;
  readonly needsLogin: boolean;
  prepare(options: GivenOptions): PreparedCliCommand;
}

export interface PreparedCliCommand {
  readonly name: string;
  readonly needsLogin: boolean;
  readonly args: unknown;
  run(session: CliSession): Promise<unknown>;
}

export function cliCommand<A>(spec: CliCommandSpec<A>): CliCommand {
  const name = spec.words.join(' ');
  return {
    words: spec.words,
    synopsis: spec.synopsis,
    options: spec.options,
    needsLogin: spec.needsLogin,
    prepare(options) {
      let args: A;
      try {
        args = spec.parse(options);
      } catch (error) {
        if (error instanceof CommandLineError) throw new CommandLineError(`${name}: ${error.message}; usage: ${name} ${spec.synopsis}`.trimEnd());
        throw error;
      }
      return { name, needsLogin: spec.needsLogin, args, run: (session) => spec.run(session, args) };
    },
  };
}
