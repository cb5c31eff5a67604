// The `cloudhsm-sim` command: dispatches to its subcommands.

import 'reflect-metadata';
import { clockCommand } from './clock-command';
import { HSM_CLUSTER_SPEC, HSM_HOST_SPEC, runWithFlags, START_SPEC, TOUR_SPEC, WAIT_READY_SPEC } from './command-flags';
import { cloudHsmCliCommand } from './cloudhsm-cli/cli-command';
import { cmuCommand } from './cmu/cmu-command';
import { faultsCommand } from './faults-command';
import { experimentCommand } from './experiment-command';
import { hsmClusterCommand } from './hsm-cluster-command';
import { hsmHostCommand } from './hsm-host-command';
import { StreamShellIo } from './cmu/shell-io';
import { parseFlags } from './parse-flags';
import { startCommand } from './start-command';
import { tourCommand } from './tour-command';
import { waitReadyCommand } from './wait-ready-command';

const USAGE = `usage: cloudhsm-sim <command> [flags]

commands:
  start    run the simulator: AWS endpoint and HSMs  [--preset seed|FILE] [--data-dir DIR] [--port P] [--time-scale S] [--region R] [--engine softhsm|in-memory] [--hsm-ports standard|ephemeral]   (start --help)
  hsm-cluster  run a cluster's HSM processes on ports 2223-2225 until Ctrl-C  [--hsms N] [--data-dir DIR] [--engine ...]
  hsm-host  run an HSM host agent for a control plane on another host  --token-file FILE [--listen ADDR:PORT] [--data-dir DIR]   (hsm-host --help)
  cmu      cloudhsm_mgmt_util shell  --ca-file PATH --hsm HOST:PORT[,...]   (cmu --help for more)
  cli      CloudHSM CLI (SDK 5), JSON output  --ca-file PATH --hsm HOST:PORT[,...] [--crypto HOST:PORT] [command]   (cli --help)
  tour     walk the seed procedure against a running simulator  [--endpoint URL] [--region R] [--work-dir DIR] [--pause]
  faults   put faults on HSMs of a running simulator: add | list | heal | reset  (faults --help)
  wait-ready  wait until a simulator is ready: GET /_sim/health answers "ready"  [--endpoint URL] [--timeout SECONDS]
  clock    print the simulated time, or advance it: clock [now] | clock advance 90s|15m|2h|7d  [--endpoint URL]   (clock --help)
  experiment  run <plan>: faults, load and checks against a running simulator; a report folder  (experiment --help)
  help     this text`;

export async function main(args: readonly string[]): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  const warn = (line: string): void => void process.stderr.write(`${line}\n`);
  const rest = positional.slice(1);
  switch (positional[0]) {
    case 'start':
      return runWithFlags(START_SPEC, rest, flags, print, warn, () => startCommand(flags, print, warn));
    case 'hsm-cluster':
      return runWithFlags(HSM_CLUSTER_SPEC, rest, flags, print, warn, () => hsmClusterCommand(flags, print));
    case 'hsm-host':
      return runWithFlags(HSM_HOST_SPEC, rest, flags, print, warn, () => hsmHostCommand(flags, print, warn));
    case 'wait-ready':
      return runWithFlags(WAIT_READY_SPEC, rest, flags, print, warn, () => waitReadyCommand(flags, print, warn));
    case 'cmu':
      return cmuCommand(args.slice(args.indexOf('cmu') + 1), StreamShellIo.forProcess());
    case 'cli':
      return cloudHsmCliCommand(args.slice(args.indexOf('cli') + 1), StreamShellIo.forProcess(), process.env);
    case 'tour':
      return runWithFlags(TOUR_SPEC, rest, flags, print, warn, () => tourCommand(flags, print));
    case 'faults':
      return faultsCommand(args.slice(args.indexOf('faults') + 1), print, (line) => void process.stderr.write(`${line}\n`));
    case 'clock':
      return clockCommand(positional.slice(1), flags, print, (line) => void process.stderr.write(`${line}\n`));
    case 'experiment':
      return experimentCommand(args.slice(args.indexOf('experiment') + 1), print);
    case undefined:
    case 'help':
      print(USAGE);
      return 0;
    default:
      process.stderr.write(`cloudhsm-sim: unknown command "${positional[0]}"\n${USAGE}\n`);
      return 2;
  }
}
