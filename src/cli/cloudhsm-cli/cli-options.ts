// The command line of `cloudhsm-sim cli`: its own options, wherever they stand, and the command's words.

import { CommandLineError } from '../cmu/command-line-error';
import { OptionKind, parseOptions } from '../cmu/command-options';
import { parseHsmEndpoints, type HsmEndpoint } from '../cmu/hsm-endpoint';

export interface CliOptions {
  readonly caFile: string;
  readonly hsms: readonly HsmEndpoint[];
  readonly crypto: HsmEndpoint | undefined;
  /** The one-shot command and its options; empty for the interactive mode. */
  readonly command: readonly string[];
}

const CLI_OPTIONS = {
  'ca-file': OptionKind.VALUE,
  hsm: OptionKind.VALUE,
  crypto: OptionKind.VALUE,
  'cluster-id': OptionKind.VALUE,
  endpoint: OptionKind.VALUE,
  help: OptionKind.SWITCH,
} as const;

/** undefined: --help (or `help`) was asked for. */
export function parseCliOptions(args: readonly string[]): CliOptions | undefined {
  const { given, rest } = parseOptions(args, CLI_OPTIONS, 'keep');
  if (given.has('help') || (rest.length === 1 && rest[0] === 'help')) return undefined;
  if (given.has('cluster-id') || given.has('endpoint')) throw new CommandLineError('cli finds HSMs with --hsm (management ports) and --crypto; --cluster-id with --endpoint is for cmu');
  const caFile = given.required('ca-file', "give the cluster's customerCA.crt");
  const hsms = parseHsmEndpoints(given.all('hsm'), '--hsm');
  if (hsms.length === 0) throw new CommandLineError('--hsm is required: give the management port (2225) of each HSM, --hsm HOST:PORT');
  const crypto = parseHsmEndpoints(given.all('crypto'), '--crypto');
  if (crypto.length > 1) throw new CommandLineError('--crypto names one HSM: key commands run on the crypto port of one HSM');
  return { caFile, hsms, crypto: crypto[0], command: rest };
}
