// One line typed at the cloudhsm_mgmt_util prompt, read into a command ready to run (or nothing, for a blank line).

import type { CmuCommand, PreparedCmuCommand } from './cmu-command.types';
import { resolveCommandName } from './command-resolution';
import { splitWords } from './command-words';

export function parseCmuLine(commands: readonly CmuCommand[], line: string): PreparedCmuCommand | undefined {
  const [typed, ...words] = splitWords(line);
  if (typed === undefined) return undefined;
  const name = resolveCommandName(
    commands.map((command) => command.name),
    typed,
  );
  const command = commands.find((candidate) => candidate.name === name);
  return command?.prepare(words);
}
