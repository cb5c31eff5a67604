// The cloudhsm_mgmt_util read-run loop: a line, its confirmation if it changes HSMs, its output; until quit
// or the end of the input.

import type { CmuCommand, PreparedCmuCommand } from './cmu-command.types';
import { parseCmuLine } from './cmu-line.parser';
import type { CmuSession } from './cmu-session';
import { errorMessage } from './server-result.format';

export async function runCmuShell(session: CmuSession, commands: readonly CmuCommand[]): Promise<void> {
  while (!session.quitRequested) {
    const line = await session.readCommandLine();
    if (line === undefined) return;
    await runLine(session, commands, line);
  }
}

async function runLine(session: CmuSession, commands: readonly CmuCommand[], line: string): Promise<void> {
  let command: PreparedCmuCommand | undefined;
  try {
    command = parseCmuLine(commands, line);
  } catch (error) {
    session.print(`Error: ${errorMessage(error)}`);
    return;
  }
  if (command === undefined) return;
  if (command.mutating && !(await session.confirmCritical())) {
    // SIM: what real cloudhsm_mgmt_util prints on 'n' is not documented
    session.print(`${command.name} cancelled: no HSM was changed`);
    return;
  }
  try {
    await command.run(session);
  } catch (error) {
    session.print(`${command.name} failed: ${errorMessage(error)}`);
  }
}
