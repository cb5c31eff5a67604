// The command line of `cloudhsm-sim cmu`: the trust anchor and the HSMs' management ports.

import { CommandLineError } from './command-line-error';
import { OptionKind, parseOptions } from './command-options';
import { parseHsmEndpoints, type HsmEndpoint } from './hsm-endpoint';

export const CMU_USAGE = `usage: cloudhsm-sim cmu --ca-file PATH --hsm HOST:PORT [--hsm HOST:PORT ...]

  --ca-file PATH     the cluster's trust anchor, customerCA.crt (before initialisation: the hardware CA);
                     every HSM's certificate must chain to it
  --hsm HOST:PORT    the management port (2225) of an HSM of the cluster; repeat it or separate with commas.
                     The HSMs are "server 0", "server 1", ... in this order.
  --cluster-id ID --endpoint URL
                     find the HSMs through the simulator's CloudHSM endpoint (needs the control plane)

Reads commands from the terminal (prompt aws-cloudhsm>) or, when piped, one per line - y/n answers
to CAUTION questions included. Type help for the commands; quit (or end of input) leaves.`;

export interface CmuOptions {
  readonly caFile: string;
  readonly hsms: readonly HsmEndpoint[];
}

const CMU_OPTIONS = {
  'ca-file': OptionKind.VALUE,
  hsm: OptionKind.VALUE,
  'cluster-id': OptionKind.VALUE,
  endpoint: OptionKind.VALUE,
  help: OptionKind.SWITCH,
} as const;

export const CONTROL_PLANE_MISSING =
  'finding the HSMs of a cluster through --cluster-id/--endpoint needs the simulator control plane, which is not built yet: give the HSMs with --hsm HOST:PORT';

/** undefined: --help was asked for. */
export function parseCmuOptions(args: readonly string[]): CmuOptions | undefined {
  const { given, rest } = parseOptions(args, CMU_OPTIONS, 'reject');
  if (given.has('help')) return undefined;
  if (rest.length > 0) throw new CommandLineError(`unexpected argument "${rest[0]}": commands are typed at the prompt, not on the command line`);
  if (given.has('cluster-id') || given.has('endpoint')) throw new CommandLineError(CONTROL_PLANE_MISSING);
  const caFile = given.required('ca-file', "give the cluster's customerCA.crt");
  const hsms = parseHsmEndpoints(given.all('hsm'), '--hsm');
  if (hsms.length === 0) throw new CommandLineError('--hsm is required: give the management port (2225) of each HSM, --hsm HOST:PORT');
  return { caFile, hsms };
}
