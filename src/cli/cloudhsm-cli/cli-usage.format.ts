// The help of `cloudhsm-sim cli`: how to run it, and its commands from the table.

import type { CliCommand } from './cli-command.types';

const HEAD = `usage: cloudhsm-sim cli --ca-file PATH --hsm HOST:PORT[,HOST:PORT...] [--crypto HOST:PORT] [<command> [options]]

  --ca-file PATH      the cluster's trust anchor, customerCA.crt (before initialisation: the hardware CA)
  --hsm HOST:PORT     the management port (2225) of each HSM of the cluster; repeat it or separate with commas.
                      Logins and the user and cluster commands go to every one of them.
  --crypto HOST:PORT  the crypto port (2223) of ONE HSM: where the key commands run

With a command: runs it, prints its JSON and exits (0 on success, 1 on failure). A command that needs a
login logs in first as CLOUDHSM_ROLE=<role> CLOUDHSM_PIN=<user>:<password> or, for commands that take
none of --username/--role/--password themselves (key list|generate-*|delete), as those options.
Without a command: reads commands line by line (prompt aws-cloudhsm > on a terminal) on one set of
connections - login first - until quit or the end of the input.

Roles: admin (CO), crypto-user (CU), unactivated-admin (PRECO, before activation).

commands:`;

export function cliUsage(commands: readonly CliCommand[]): string {
  const lines = commands.map((command) => `  ${command.words.join(' ')} ${command.synopsis}`.trimEnd());
  return [HEAD, ...lines, '  help', '  quit'].join('\n');
}
