// Running one CloudHSM CLI command line to its JSON: parse, log in if the command needs it and the line came
// from the command line, run, and wrap the result or the failure.

import type { CliCommand } from './cli-command.types';
import { requireCredentials, type CliEnvironment } from './cli-credentials';
import { CliFailure } from './cli-failure';
import { parseCliLine } from './cli-line.parser';
import { failureJson, successJson } from './cli-result.format';
import type { CliSession } from './cli-session';

export interface CliOutcome {
  readonly ok: boolean;
  readonly json: string;
}

/** `environment`: a one-shot command, which logs in by itself; undefined in the shell, where `login` comes first. */
export async function runCliTokens(session: CliSession, commands: readonly CliCommand[], tokens: readonly string[], environment: CliEnvironment | undefined): Promise<CliOutcome> {
  try {
    const { command, login } = parseCliLine(commands, tokens, environment !== undefined);
    if (command.needsLogin && session.current === undefined) {
      if (environment === undefined) throw new CliFailure(`${command.name} needs a login: login --username <name> --role <admin|crypto-user> --password <password>`);
      await session.logIn(requireCredentials(command.name, login, environment));
    }
    return { ok: true, json: successJson(await command.run(session)) };
  } catch (error) {
    return { ok: false, json: failureJson(error) };
  }
}
