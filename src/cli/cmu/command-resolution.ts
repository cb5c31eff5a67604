// Which command a typed name means.

import { CommandLineError } from './command-line-error';

// 7.7: a command may be abbreviated to a unique prefix (`listU`); SIM: command names compare case-insensitively
export function resolveCommandName(names: readonly string[], typed: string): string {
  const wanted = typed.toLowerCase();
  const exact = names.find((name) => name.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const candidates = names.filter((name) => name.toLowerCase().startsWith(wanted));
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return only;
  if (candidates.length === 0) throw new CommandLineError(`unknown command "${typed}": type help for the list of commands`);
  throw new CommandLineError(`ambiguous command "${typed}": it could be ${candidates.join(', ')}`);
}
