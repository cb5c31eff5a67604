// A CloudHSM CLI command line read into a command ready to run: its words pick the command (the longest
// that matches), the rest are that command's options. A one-shot command may also carry the login options.

import { CommandLineError } from '../cmu/command-line-error';
import { OptionKind, parseOptions, type GivenOptions } from '../cmu/command-options';
import type { CliCommand, PreparedCliCommand } from './cli-command.types';

export interface ParsedCliLine {
  readonly command: PreparedCliCommand;
  /** --username/--role/--password of a one-shot command that takes none of them itself. */
  readonly login: GivenOptions | undefined;
}

const LOGIN_OPTIONS = { username: OptionKind.VALUE, role: OptionKind.VALUE, password: OptionKind.VALUE } as const;

export function parseCliLine(commands: readonly CliCommand[], tokens: readonly string[], acceptLogin: boolean): ParsedCliLine {
  const firstOption = tokens.findIndex((token) => token.startsWith('--'));
  const words = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
  const command = findCommand(commands, words);
  let rest = tokens.slice(command.words.length);
  let login: GivenOptions | undefined;
  if (acceptLogin && command.needsLogin && Object.keys(LOGIN_OPTIONS).every((option) => !(option in command.options))) {
    const extracted = parseOptions(rest, LOGIN_OPTIONS, 'keep');
    login = extracted.given;
    rest = [...extracted.rest];
  }
  const name = command.words.join(' ');
  const { given, rest: extra } = parseOptions(rest, command.options, 'reject');
  if (extra.length > 0) throw new CommandLineError(`${name}: unexpected "${extra[0]}"`);
  return { command: command.prepare(given), login };
}

function findCommand(commands: readonly CliCommand[], words: readonly string[]): CliCommand {
  const matching = commands.filter((command) => command.words.every((word, index) => words[index] === word));
  const longest = matching.sort((a, b) => b.words.length - a.words.length)[0];
  if (longest) return longest;
  const typed = words.join(' ');
  const longer = commands.filter((command) => words.length > 0 && words.every((word, index) => command.words[index] === word));
  if (longer.length > 0) throw new CommandLineError(`"${typed}" needs more words: ${longer.map((command) => command.words.join(' ')).join(' | ')}`);
  throw new CommandLineError(`unknown command "${typed}": help lists the commands`);
}
