// `cloudhsm-sim experiment run <plan>`: runs an experiment plan (JSON or YAML) against a running
// simulator and writes its report folder. Exit 0 when every expect passed, 1 otherwise, 2 for bad usage.

import { runExperiment } from '../experiments/experiment.runner';
import { readPlanFile, withDuration } from '../experiments/plan-file.reader';
import { PlanError } from '../experiments/plan.validator';
import { regionWithConnectedStore } from '../experiments/target.resolver';
import type { ExperimentPlan } from '../experiments/plan.types';
import { DEFAULT_PORT } from '../main/simulator-config';

export const EXPERIMENT_USAGE = `usage: cloudhsm-sim experiment run <plan.json|plan.yaml> [--endpoint URL] [--region R] [--out DIR] [--duration SECONDS] [--quiet]
       cloudhsm-sim experiment --help

Runs a steady KMS load (the probe) against a custom key store while a timeline of steps injects faults,
calls AWS APIs, moves the simulated clock and checks expectations; then heals every fault it added
(also on Ctrl-C) and writes a report folder: timeline.json, report.md, chart.svg.

flags:
  --endpoint URL      the simulator (default http://127.0.0.1:${DEFAULT_PORT})
  --region R          the AWS Region to sign for (default $AWS_REGION, $AWS_DEFAULT_REGION, or for target auto the first of us-east-1 and us-east-2 with a CONNECTED store)
  --out DIR           the report folder (default experiment-results/<plan name>-<timestamp>/)
  --duration SECONDS  shorten (or stretch) the plan: every step's "at" and fault durationSeconds scale
  --quiet             no progress line; only the report folder's path

exit: 0 every expect passed and every step ran; 1 otherwise; 2 bad usage or an invalid plan.

plan (JSON or YAML; unknown fields are errors):
  name              letters, digits, - _ . (names the report folder)
  description       text for the report
  durationSeconds   how long the probe runs (steps that wait may make the run longer)
  target            {"customKeyStoreId": "cks-..." | "auto"}  (default auto: the first CONNECTED store)
  probe             {"operation": "Encrypt"|"Decrypt"|"GenerateDataKey", "ratePerSecond": R,
                     "plaintextBytes": 32, "key": "create"|"<key id, ARN or alias>", "timeoutSeconds": 10}
  stopWhen          {"errorRateAbove": 0.5, "forSeconds": 10} and/or {"maxSeconds": N}
  steps             a list, run in order, each at its "at" (seconds, or 90s/15m/2h/7d) with one action:
    {"fault": {"kind", "target": {"hsmId"|"clusterId"|"availabilityZone"}, "params", "durationSeconds", "seed"},
     "name": "kill", "symptom": "what AWS documents", "documentedBy": "https://docs.aws.amazon.com/..."}
    {"heal": "<fault step name>"}     {"heal-all": true}     {"clock-advance": "7d"}
    {"aws": {"service": "kms"|"cloudhsmv2", "operation": "CreateKey", "input": {...}}}
    {"wait-for": <condition>, "timeoutSeconds": 60}     {"expect": <condition>}
  every step may have "name" (to refer to it) and "note".
  fault kinds: hsm-kill, hsm-hang, network-partition {mode}, network-latency {ms, jitterMs},
    network-loss {probability}, az-outage, engine-error {ckr, probability, operations},
    engine-latency {ms}, kmsuser-password-drift {password}, hsm-busy {opsPerSecond}
  conditions: {"storeState": "CONNECTED"}  {"storeErrorCode": "INVALID_CREDENTIALS"}
    {"keyState": "PendingDeletion", "keyId": "\${probe.keyId}"}  {"hsmState": "ACTIVE", "hsmId": "\${hsms[0].id}"}
    {"call": {service, operation, input}, "errorCode": "NotFoundException"}
    {"call": {...}, "path": "KeyMetadata.KeyState", "equals": "Disabled"}   {"call": {...}, "succeeds": true}
  templates in values: \${region} \${store.id} \${cluster.id} \${hsms[0].id} \${hsms[0].availabilityZone}
    \${hsms[0].eniIp} \${zones[1]} \${probe.keyId} \${probe.keyArn} \${steps.<name>.output.<path>}`;

/** Where `auto` looks when no Region is named: the simulator's default, then the tour's. */
const AUTO_REGIONS = ['us-east-1', 'us-east-2'];
const VALUE_FLAGS = ['endpoint', 'region', 'out', 'duration'];
const SWITCHES = ['quiet', 'help'];

interface CommandLine {
  readonly positional: string[];
  readonly flags: Record<string, string>;
}

/** Strict flags: only the known ones, each value flag with a value. Throws a usage message otherwise. */
export function parseExperimentArgs(args: readonly string[]): CommandLine {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (SWITCHES.includes(name)) {
      flags[name] = 'true';
    } else if (VALUE_FLAGS.includes(name)) {
      const value = inline ?? args[(index += 1)];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else {
      throw new UsageError(`unknown flag --${name}; valid: ${[...VALUE_FLAGS, ...SWITCHES].map((flag) => `--${flag}`).join(', ')}`);
    }
  }
  return { positional, flags };
}

class UsageError extends Error {}

export async function experimentCommand(args: readonly string[], print: (line: string) => void): Promise<number> {
  const complain = (message: string): number => {
    process.stderr.write(`cloudhsm-sim experiment: ${message}\n`);
    return 2;
  };
  let line: CommandLine;
  try {
    line = parseExperimentArgs(args);
  } catch (error) {
    return complain(`${(error as Error).message}\n${EXPERIMENT_USAGE}`);
  }
  if (line.flags.help === 'true' || line.positional.length === 0) {
    print(EXPERIMENT_USAGE);
    return line.flags.help === 'true' ? 0 : 2;
  }
  const [verb, file, ...rest] = line.positional;
  if (verb !== 'run') return complain(`unknown subcommand "${verb}"; valid: run`);
  if (file === undefined) return complain('run needs a plan file: experiment run <plan.json|plan.yaml>');
  if (rest.length > 0) return complain(`unexpected arguments: ${rest.join(' ')}`);

  let plan: ExperimentPlan;
  try {
    plan = readPlanFile(file);
  } catch (error) {
    if (error instanceof PlanError) return complain(error.message);
    throw error;
  }
  if (line.flags.duration !== undefined) {
    const seconds = Number(line.flags.duration);
    if (!Number.isFinite(seconds) || seconds <= 0) return complain(`--duration "${line.flags.duration}" is not a number of seconds above 0`);
    plan = withDuration(plan, seconds);
  }
  const endpoint = line.flags.endpoint ?? `http://127.0.0.1:${DEFAULT_PORT}`;
  try {
    new URL(endpoint);
  } catch {
    return complain(`--endpoint "${endpoint}" is not a URL like http://127.0.0.1:${DEFAULT_PORT}`);
  }
  const named = line.flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  const region = named ?? (plan.customKeyStoreId === 'auto' ? await regionWithConnectedStore(endpoint, AUTO_REGIONS).catch(() => undefined) : undefined) ?? AUTO_REGIONS[0]!;
  const quiet = line.flags.quiet === 'true';

  // Ctrl-C once: stop, heal, write the report. Twice: leave at once.
  const controller = new AbortController();
  const interrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ncloudhsm-sim experiment: stopping; healing the faults this run added (Ctrl-C again to leave at once)\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  try {
    if (!quiet) print(`cloudhsm-sim experiment: ${plan.name} against ${endpoint} (${region}), ${plan.durationSeconds} s`);
    const result = await runExperiment({
      plan,
      endpoint,
      region,
      ...(line.flags.out === undefined ? {} : { outDir: line.flags.out }),
      ...(quiet ? {} : { output: process.stdout }),
      signal: controller.signal,
    });
    const expectations = result.timeline.steps.filter((step) => step.action === 'expect');
    if (!quiet) {
      print(`cloudhsm-sim experiment: ${result.timeline.endedBy}; ${result.timeline.requests.length} probe requests; expectations ${expectations.filter((step) => step.outcome === 'passed').length} of ${expectations.length} passed`);
    }
    print(`report: ${result.outDir}`);
    return result.passed ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
