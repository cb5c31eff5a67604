// `cloudhsm-sim faults add|list|heal|reset`: the fault routes of a running simulator from the command
// line (the same as POST/GET/DELETE /_sim/faults).

import { FAULT_KINDS, isFaultKind } from '../faults/fault-kinds.table';
import { describeParams, type ParamSpec } from '../faults/fault-params';
import { DEFAULT_PORT } from '../main/simulator-config';
import { parseFlags } from './parse-flags';
import { callSimRoute, SimAdminError } from '../shared/sim-route.client';

const KINDS_HELP = Object.entries(FAULT_KINDS)
  .map(([kind, spec]) => `  ${kind.padEnd(24)} ${spec.summary}\n  ${''.padEnd(24)} params: ${describeParams(spec.params)}`)
  .join('\n');

export const FAULTS_USAGE = `usage: cloudhsm-sim faults <subcommand> [--endpoint URL]

subcommands:
  add <kind> (--hsm-id ID | --cluster-id ID | --az ZONE) [name=value ...] [--duration SECONDS] [--seed N]
               put a fault on; prints its faultId (a list param takes commas: operations=encrypt,decrypt)
  list         the active faults
  heal <faultId>
               heal one fault
  reset        heal every fault

--endpoint URL   the simulator (default http://127.0.0.1:${DEFAULT_PORT})

kinds:
${KINDS_HELP}

Faults live in the simulator's memory: a restart of the simulator heals them all.`;

const FLAGS: Readonly<Record<string, readonly string[]>> = {
  add: ['endpoint', 'hsm-id', 'cluster-id', 'az', 'duration', 'seed'],
  list: ['endpoint'],
  heal: ['endpoint'],
  reset: ['endpoint'],
};

class UsageError extends Error {}

export async function faultsCommand(args: readonly string[], print: (line: string) => void, printError: (line: string) => void): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const [subcommand, ...rest] = positional;
  if (flags.help !== undefined || subcommand === undefined || subcommand === 'help') {
    print(FAULTS_USAGE);
    return 0;
  }
  try {
    const allowed = FLAGS[subcommand];
    if (!allowed) throw new UsageError(`unknown subcommand "${subcommand}"; valid: ${Object.keys(FLAGS).join(', ')}`);
    const unknown = Object.keys(flags).filter((flag) => !allowed.includes(flag));
    if (unknown.length > 0) throw new UsageError(`unknown flag --${unknown[0]} for "faults ${subcommand}"; valid: ${allowed.map((flag) => `--${flag}`).join(', ')}`);
    const endpoint = flags.endpoint ?? `http://127.0.0.1:${DEFAULT_PORT}`;
    switch (subcommand) {
      case 'add':
        print(JSON.stringify(await callSimRoute(endpoint, 'POST', '/_sim/faults', addRequest(rest, flags)), null, 2));
        return 0;
      case 'list':
        print(JSON.stringify(await callSimRoute(endpoint, 'GET', '/_sim/faults'), null, 2));
        return 0;
      case 'heal':
        if (rest.length !== 1) throw new UsageError('faults heal takes one faultId (see faults list)');
        print(JSON.stringify(await callSimRoute(endpoint, 'DELETE', `/_sim/faults/${encodeURIComponent(rest[0]!)}`), null, 2));
        return 0;
      default:
        print(JSON.stringify(await callSimRoute(endpoint, 'POST', '/_sim/faults/reset'), null, 2));
        return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`cloudhsm-sim faults: ${error.message}\n(cloudhsm-sim faults --help lists the subcommands, the kinds and their params)`);
      return 2;
    }
    if (error instanceof SimAdminError) {
      printError(`cloudhsm-sim faults: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function addRequest(rest: readonly string[], flags: Readonly<Record<string, string>>): Record<string, unknown> {
  const [kind, ...assignments] = rest;
  if (!isFaultKind(kind)) throw new UsageError(`faults add needs a kind; valid: ${Object.keys(FAULT_KINDS).join(', ')}`);
  const targets = (['hsm-id', 'cluster-id', 'az'] as const).filter((flag) => flags[flag] !== undefined);
  if (targets.length !== 1) throw new UsageError('faults add needs exactly one of --hsm-id ID, --cluster-id ID, --az ZONE');
  const target = targets[0] === 'hsm-id' ? { hsmId: flags['hsm-id'] } : targets[0] === 'cluster-id' ? { clusterId: flags['cluster-id'] } : { availabilityZone: flags.az };
  const specs = FAULT_KINDS[kind].params;
  const params: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const [name, value] = assignment.split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = specs[name];
    if (value === undefined || !spec) throw new UsageError(`"${assignment}" is not a param of ${kind}; valid: ${describeParams(specs)} (as name=value)`);
    params[name] = coerce(spec, value);
  }
  return {
    kind,
    target,
    ...(assignments.length > 0 ? { params } : {}),
    ...(flags.duration !== undefined ? { durationSeconds: Number(flags.duration) } : {}),
    ...(flags.seed !== undefined ? { seed: Number(flags.seed) } : {}),
  };
}

/** Numbers and lists as the route expects them; the route itself checks ranges. */
function coerce(spec: ParamSpec, value: string): unknown {
  if (spec.type === 'number') return value.trim() === '' ? value : Number(value);
  if (spec.type === 'strings') return value.split(',').filter((item) => item !== '');
  return value;
}
