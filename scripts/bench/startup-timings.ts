// The startup rows of the benchmark report: how long a user waits, from starting the simulator on an
// empty data folder, for its first answered AWS request (through `npm start` and through bin/ directly),
// for a CONNECTED custom key store seeded as fast as a client can (seed-over-sdk.ts), and for the same
// store built by `start --preset seed`. Every run is on a new empty folder, one after another; the
// report keeps the medians and every run.
//   npx tsc -b && node dist/scripts/bench/startup-timings.js

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeCustomKeyStoresCommand, KMSClient } from '@aws-sdk/client-kms';
import { createTempDir, removeTempDir } from '../../test/support/temp-dir';
import { CREDENTIALS, KMS_REGION, KmsClient } from './kms-client';
import { pollUntil, seedConnectedStoreOverSdk } from './seed-over-sdk';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'cloudhsm-sim.js');
const ENDPOINT_LINE = /endpoint (http:\/\/127\.0\.0\.1:\d+)/;
const READY_LINE = /^cloudhsm-sim: ready$/m;
const STORE_LINE = /custom key store (cks-[0-9a-z]+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const KEPT_OUTPUT_CHARS = 16_384;
/** The targets. */
const FIRST_ANSWER_TARGET_MS = 2_000;
const CONNECTED_STORE_TARGET_MS = 3_000;
const PRESET_STORE_TARGET_MS = 2_000;

export interface Milestone {
  readonly name: string;
  /** Since the spawn. */
  readonly atMs: number;
}

export interface StartupRun {
  readonly totalMs: number;
  readonly milestones: readonly Milestone[];
}

export interface StartupMeasurement {
  readonly medianMs: number;
  /** The run whose total is the median (the lower middle one for an even count). */
  readonly medianRun: StartupRun;
  /** In the order they ran. */
  readonly runs: readonly StartupRun[];
}

export interface StartupTimings {
  readonly repetitions: number;
  readonly npmStartToFirstAnswer: StartupMeasurement;
  readonly nodeStartToFirstAnswer: StartupMeasurement;
  readonly emptyToConnectedStore: StartupMeasurement;
  /** Absent in reports written before the row existed. */
  readonly presetToConnectedStore?: StartupMeasurement;
}

type Launcher = 'npm' | 'node';

export async function measureStartup(repetitions: number): Promise<StartupTimings> {
  const npm: StartupRun[] = [];
  const node: StartupRun[] = [];
  const seeded: StartupRun[] = [];
  const preset: StartupRun[] = [];
  // Interleaved, so a slow stretch of the machine does not land on one measurement only.
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    npm.push(await reported(`npm start → first answer, run ${repetition}`, () => timeFirstAnswer('npm')));
    node.push(await reported(`node start → first answer, run ${repetition}`, () => timeFirstAnswer('node')));
    seeded.push(await reported(`empty → CONNECTED store, run ${repetition}`, timeConnectedStore));
    preset.push(await reported(`--preset seed → CONNECTED store, run ${repetition}`, timePresetStore));
  }
  return {
    repetitions,
    npmStartToFirstAnswer: summarise(npm),
    nodeStartToFirstAnswer: summarise(node),
    emptyToConnectedStore: summarise(seeded),
    presetToConnectedStore: summarise(preset),
  };
}

export function renderStartupMarkdown(timings: StartupTimings): string {
  const row = (label: string, measurement: StartupMeasurement, targetMs: number): string =>
    `| ${label} | ${seconds(measurement.medianMs)} | ${measurement.runs.map((run) => seconds(run.totalMs)).join(' / ')} | under ${targetMs / 1000} s: ${measurement.medianMs < targetMs ? 'met' : 'missed'} |`;
  const seeded = timings.emptyToConnectedStore.medianRun;
  let previousMs = 0;
  const phases = seeded.milestones.map((milestone) => {
    const line = `| ${milestone.name} | ${seconds(milestone.atMs)} | ${seconds(milestone.atMs - previousMs)} |`;
    previousMs = milestone.atMs;
    return line;
  });
  return [
    `| Startup, empty data folder, time scale 0 (${timings.repetitions} runs each) | median | runs | target |`,
    '|---|---:|---:|---|',
    row('`npm start` → first answered request (KMS ListKeys)', timings.npmStartToFirstAnswer, FIRST_ANSWER_TARGET_MS),
    row('`node bin/cloudhsm-sim.js start` → first answered request', timings.nodeStartToFirstAnswer, FIRST_ANSWER_TARGET_MS),
    row('empty → CONNECTED custom key store (2 ACTIVE HSMs; AWS SDK v3, cmu in-process)', timings.emptyToConnectedStore, CONNECTED_STORE_TARGET_MS),
    ...(timings.presetToConnectedStore
      ? [row('`node bin/cloudhsm-sim.js start --preset seed` → CONNECTED custom key store (seen by DescribeCustomKeyStores)', timings.presetToConnectedStore, PRESET_STORE_TARGET_MS)]
      : []),
    '',
    '| Phases of the median empty → CONNECTED run | since spawn | step |',
    '|---|---:|---:|',
    ...phases,
    ...(timings.presetToConnectedStore ? ['', '| Phases of the median `--preset seed` run | since spawn | step |', '|---|---:|---:|', ...phaseRows(timings.presetToConnectedStore.medianRun)] : []),
  ].join('\n');
}

function phaseRows(run: StartupRun): string[] {
  let previousMs = 0;
  return run.milestones.map((milestone) => {
    const line = `| ${milestone.name} | ${seconds(milestone.atMs)} | ${seconds(milestone.atMs - previousMs)} |`;
    previousMs = milestone.atMs;
    return line;
  });
}

/** `start --preset seed` on an empty folder until a client sees the store CONNECTED. */
async function timePresetStore(): Promise<StartupRun> {
  const dataDir = createTempDir('startup-preset');
  const simulator = launch('node', dataDir, ['--preset', 'seed', '--region', KMS_REGION]);
  const milestones: Milestone[] = [];
  const mark = (name: string): void => void milestones.push({ name, atMs: performance.now() - simulator.startedAt });
  try {
    const endpoint = await simulator.endpoint;
    mark('endpoint printed');
    const output = await simulator.waitForOutput(READY_LINE);
    mark('ready printed (preset applied)');
    const customKeyStoreId = STORE_LINE.exec(output)?.[1];
    if (!customKeyStoreId) throw new Error(`start --preset seed printed no custom key store:\n${output}`);
    const kms = new KMSClient({ endpoint, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: customKeyStoreId }));
      if (CustomKeyStores?.[0]?.ConnectionState !== 'CONNECTED') throw new Error(`store ${customKeyStoreId} is ${CustomKeyStores?.[0]?.ConnectionState ?? 'missing'}`);
    } finally {
      kms.destroy();
    }
    mark('store CONNECTED (DescribeCustomKeyStores)');
    return { totalMs: milestones.at(-1)?.atMs ?? 0, milestones };
  } finally {
    await simulator.stop();
    removeTempDir(dataDir);
  }
}

async function timeFirstAnswer(launcher: Launcher): Promise<StartupRun> {
  const dataDir = createTempDir(`startup-${launcher}`);
  const simulator = launch(launcher, dataDir);
  try {
    const endpoint = await simulator.endpoint;
    const printedAt = performance.now();
    const client = new KmsClient(endpoint);
    try {
      await pollUntil('a ListKeys answer', () => client.send('ListKeys', {}).then(() => true, () => undefined));
    } finally {
      client.destroy();
    }
    const totalMs = performance.now() - simulator.startedAt;
    return { totalMs, milestones: [{ name: 'endpoint printed', atMs: printedAt - simulator.startedAt }, { name: 'first ListKeys answer', atMs: totalMs }] };
  } finally {
    await simulator.stop();
    removeTempDir(dataDir);
  }
}

async function timeConnectedStore(): Promise<StartupRun> {
  const dataDir = createTempDir('startup-seed');
  const simulator = launch('node', dataDir);
  const milestones: Milestone[] = [];
  const mark = (name: string): void => void milestones.push({ name, atMs: performance.now() - simulator.startedAt });
  try {
    const endpoint = await simulator.endpoint;
    mark('endpoint printed');
    await seedConnectedStoreOverSdk(endpoint, mark);
    return { totalMs: milestones.at(-1)?.atMs ?? 0, milestones };
  } finally {
    await simulator.stop();
    removeTempDir(dataDir);
  }
}

interface LaunchedSimulator {
  /** performance.now() just before the spawn. */
  readonly startedAt: number;
  /** Resolves when the endpoint line is printed. */
  readonly endpoint: Promise<string>;
  /** Resolves with everything printed so far once the output matches. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Ctrl-C, as a terminal sends it: SIGINT to the whole process group; resolves when all of it is gone. */
  stop(): Promise<void>;
}

/** Process groups still running, killed if this process ends before stopping them. */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const group of liveGroups) signalGroup(group, 'SIGKILL');
});

/**
 * What a user types: `npm start -- <flags>` in the repo root (which runs scripts/ensure-setup.sh first),
 * or `node bin/cloudhsm-sim.js start <flags>`. Each in its own process group, so that npm's node child
 * and the simulator's HSM processes get the SIGINT too.
 */
function launch(launcher: Launcher, dataDir: string, extraFlags: readonly string[] = []): LaunchedSimulator {
  const flags = ['--port', '0', '--data-dir', dataDir, '--time-scale', '0', '--hsm-ports', 'ephemeral', ...extraFlags];
  const [command, args] = launcher === 'npm' ? ['npm', ['start', '--', ...flags]] : [process.execPath, [BIN, 'start', ...flags]];
  const startedAt = performance.now();
  const child = spawn(command, args, { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = child.pid;
  if (group === undefined) throw new Error(`could not spawn ${command}`);
  liveGroups.add(group);
  let output = '';
  const outputWaiters: (() => void)[] = [];
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
    for (const wake of outputWaiters.splice(0)) wake();
  };
  const waitForOutput = async (pattern: RegExp): Promise<string> => {
    const deadline = performance.now() + START_TIMEOUT_MS;
    while (!pattern.test(output)) {
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`${launcher} start never printed ${pattern}:\n${output}`);
      await new Promise<void>((resolve) => {
        outputWaiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return output;
  };
  const endpoint = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${launcher} start printed no endpoint in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = ENDPOINT_LINE.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', keep);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${launcher} start exited (${code ?? signal}) before printing its endpoint:\n${output}`));
    });
  });
  return { startedAt, endpoint, waitForOutput, stop: () => stopGroup(child, group) };
}

async function stopGroup(child: ChildProcess, group: number): Promise<void> {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(group, 'SIGINT');
  await exited;
  // npm's exit does not wait for its node child: wait until nothing of the group is left.
  const deadline = performance.now() + STOP_TIMEOUT_MS;
  while (groupAlive(group)) {
    if (performance.now() > deadline) {
      signalGroup(group, 'SIGKILL');
      break;
    }
    await sleep(10);
  }
  liveGroups.delete(group);
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

function summarise(runs: readonly StartupRun[]): StartupMeasurement {
  const sorted = [...runs].sort((a, b) => a.totalMs - b.totalMs);
  const medianRun = sorted[Math.floor((sorted.length - 1) / 2)];
  if (medianRun === undefined) throw new Error('no runs to summarise');
  return { medianMs: medianRun.totalMs, medianRun, runs };
}

async function reported(what: string, run: () => Promise<StartupRun>): Promise<StartupRun> {
  process.stderr.write(`[startup] ${what} ...`);
  const result = await run();
  process.stderr.write(` ${seconds(result.totalMs)}\n`);
  return result;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

if (require.main === module) {
  measureStartup(3).then(
    (timings) => process.stdout.write(`${renderStartupMarkdown(timings)}\n`),
    (error: unknown) => {
      process.stderr.write(`\nstartup-timings: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
