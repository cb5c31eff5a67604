// The CloudHSM CLI's interactive mode: one command per line on one set of connections, until quit or the
// end of the input.

import { splitWords } from '../cmu/command-words';
import type { ShellIo } from '../cmu/shell-io';
import type { CliCommand } from './cli-command.types';
import { runCliTokens } from './cli-execution';
import type { CliSession } from './cli-session';
import { cliUsage } from './cli-usage.format';

const PROMPT = 'aws-cloudhsm > ';

export async function runCliShell(session: CliSession, io: ShellIo, commands: readonly CliCommand[]): Promise<void> {
  for (;;) {
    const line = await io.readLine(PROMPT);
    if (line === undefined) return;
    const tokens = splitWords(line);
    const [first] = tokens;
    if (first === undefined) continue;
    if (first === 'quit' || first === 'exit') return;
    if (first === 'help') io.print(cliUsage(commands));
    else io.print((await runCliTokens(session, commands, tokens, undefined)).json);
  }
}
