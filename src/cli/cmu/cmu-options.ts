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
                     instead of --hsm: find the cluster's HSMs through the simulator's endpoint

Reads commands from the terminal (prompt aws-cloudhsm>) or, when piped, one per line - y/n answers
to CAUTION questions included. Type help for the commands; quit (or end of input) leaves.`;

export interface CmuOptions {
  readonly caFile: string;
  /** Given with --hsm, or to be resolved through the endpoint. */
  readonly hsms: readonly HsmEndpoint[] | { readonly clusterId: string; readonly endpoint: string };
}

const CMU_OPTIONS = {
  'ca-file': OptionKind.VALUE,
  hsm: OptionKind.VALUE,
  'cluster-id': OptionKind.VALUE,
  endpoint: OptionKind.VALUE,
  help: OptionKind.SWITCH,
} as const;

/** undefined: --help was asked for. */
export function parseCmuOptions(args: readonly string[]): CmuOptions | undefined {
  const { given, rest } = parseOptions(args, CMU_OPTIONS, 'reject');
  if (given.has('help')) return undefined;
  if (rest.length > 0) throw new CommandLineError(`unexpected argument "${rest[0]}": commands are typed at the prompt, not on the command line`);
  const caFile = given.required('ca-file', "give the cluster's customerCA.crt");
  if (given.has('cluster-id') || given.has('endpoint')) {
    if (given.has('hsm')) throw new CommandLineError('give either --hsm or --cluster-id with --endpoint, not both');
    const clusterId = given.required('cluster-id', 'give the cluster id with --endpoint');
    const endpoint = given.required('endpoint', 'give the simulator endpoint with --cluster-id, e.g. http://127.0.0.1:4580');
    return { caFile, hsms: { clusterId, endpoint } };
  }
  const hsms = parseHsmEndpoints(given.all('hsm'), '--hsm');
  if (hsms.length === 0) throw new CommandLineError('--hsm is required: give the management port (2225) of each HSM, --hsm HOST:PORT');
  return { caFile, hsms };
}
