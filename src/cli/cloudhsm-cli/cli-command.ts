// `cloudhsm-sim cli`: the CloudHSM CLI (Client SDK 5) equivalents, with JSON output (aws-behaviour 7.9).

import { CommandLineError } from '../cmu/command-line-error';
import { closeHsms, connectHsms, isConnected } from '../cmu/hsm-connections';
import type { ShellIo } from '../cmu/shell-io';
import { readTrustAnchor } from '../cmu/trust-anchor-file';
import { CLI_COMMANDS } from './cli-commands.table';
import type { CliEnvironment } from './cli-credentials';
import { runCliTokens } from './cli-execution';
import { CliFailure } from './cli-failure';
import { parseCliOptions } from './cli-options';
import { failureJson } from './cli-result.format';
import { CliSession } from './cli-session';
import { runCliShell } from './cli-shell';
import { cliUsage } from './cli-usage.format';

export async function cloudHsmCliCommand(args: readonly string[], io: ShellIo, environment: CliEnvironment): Promise<number> {
  try {
    return await runCli(args, io, environment);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    io.warn(`cloudhsm-sim cli: ${error.message}`);
    return 2;
  } finally {
    io.close();
  }
}

async function runCli(args: readonly string[], io: ShellIo, environment: CliEnvironment): Promise<number> {
  const options = parseCliOptions(args);
  if (options === undefined) {
    io.print(cliUsage(CLI_COMMANDS));
    return 0;
  }
  const trustAnchorPem = await readTrustAnchor(options.caFile);
  const [management, crypto] = await Promise.all([connectHsms(options.hsms, trustAnchorPem), connectHsms(options.crypto ? [options.crypto] : [], trustAnchorPem)]);
  const all = [...management, ...crypto];
  for (const hsm of all) {
    if (!isConnected(hsm)) io.warn(`warning: cannot reach the HSM at ${hsm.endpoint.host}:${hsm.endpoint.port}: ${hsm.failure}; commands will not run on it`);
  }
  try {
    if (!management.some(isConnected)) {
      io.print(failureJson(new CliFailure('no HSM could be reached: check --hsm and --ca-file')));
      return 1;
    }
    const session = new CliSession(management, crypto[0]);
    if (options.command.length === 0) {
      await runCliShell(session, io, CLI_COMMANDS);
      return 0;
    }
    const outcome = await runCliTokens(session, CLI_COMMANDS, options.command, environment);
    io.print(outcome.json);
    return outcome.ok ? 0 : 1;
  } finally {
    await closeHsms(all);
  }
}
