// The torture run: the seed store on a fresh data directory, then rounds of mixed load, a kill at a moment
// the seed picks, a restart with the user's own command, and the checks of round-checks.ts.
//
// Kill kinds:
//   tree       SIGKILL the simulator and its HSM processes at once (power loss of the whole host);
//   sim        SIGKILL the simulator alone: its HSM processes see the IPC channel close and leave;
//   sim-hung   SIGSTOP the HSM processes, then SIGKILL the simulator: the orphans cannot react, the restart
//              must end them (pid files + start time + command line);
//   hsm        SIGKILL one HSM process; the simulator then stops (Ctrl-C) and starts again;
//   write      SIGKILL the simulator during a write-heavy burst (16 CreateKey in flight, each one an HSM
//              token write, its replication and a SQLite commit), at a seeded offset of 0-250 ms after the
//              burst starts: "during a SQLite or token write" approximated by a burst that keeps both busy.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeededRandom } from '../../hsm-sim/faults/seeded-random';
import { LoadMix } from './load-mix';
import { checkRound } from './round-checks';
import { SimulatorUnderTest, sleep } from './simulator-under-test';
import { TortureLedger } from './torture-ledger';
import type { TortureOptions } from './torture-options';

export const KILL_KINDS = ['tree', 'sim', 'sim-hung', 'hsm', 'write'] as const;
export type KillKind = (typeof KILL_KINDS)[number];

const SEED_PRESET = join(__dirname, '..', '..', '..', 'fixtures', 'presets', 'seed.json');

export interface RoundReport {
  readonly round: number;
  readonly kill: KillKind;
  readonly atMs: number;
  readonly acknowledged: number;
  readonly lost: string[];
  readonly orphansReported: number;
  readonly orphansUnreported: string[];
  readonly partial: string[];
  readonly serverErrors: number;
  readonly restartMs: number;
  /** HSM processes of the data directory still running from before the restart (must be 0). */
  readonly staleNodes: number;
  readonly orphanArns: { readonly reported: readonly string[]; readonly unreported: readonly string[] };
}

export interface TortureSummary {
  readonly seed: number;
  readonly rounds: RoundReport[];
  readonly acknowledged: number;
  readonly lost: number;
  readonly orphansReported: number;
  readonly orphansUnreported: number;
  readonly serverErrors: number;
  readonly serverErrorSamples: string[];
  readonly firstStartMs: number;
  readonly restartMs: { readonly median: number; readonly max: number };
  /** Set when a round could not finish (the restart failed, or the checks could not run). */
  readonly failure?: string;
  /** What the last round's checks covered: every acknowledged key, ciphertext and alias of the run. */
  readonly checked: { readonly keys: number; readonly ciphertexts: number; readonly aliases: number };
  readonly dataDir: string;
}

export async function runTorture(options: TortureOptions, print: (line: string) => void): Promise<TortureSummary> {
  // The schedule (kill kinds, moments, churn) draws from its own PRNG, so it is the same in every run with
  // this seed; the clients' choices draw from one per round, since how many they make depends on timing.
  const random = new SeededRandom(options.seed);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cloudhsm-sim-torture-'));
  const simulator = new SimulatorUnderTest(dataDir, `${dataDir}.output.log`);
  const ledger = new TortureLedger();
  const rounds: RoundReport[] = [];
  /** Every orphan ARN seen, and whether the simulator has named it by the end. */
  const orphans = new Map<string, boolean>();
  let failure: string | undefined;
  const began = Date.now();
  print(`torture: seed ${options.seed}, ${options.rounds} round(s)${options.minutes !== undefined ? `, at most ${options.minutes} min` : ''}, data directory ${dataDir}`);
  const firstStartMs = await simulator.start();
  const ids = idsFrom(simulator.output());
  const admin = { username: 'admin', password: coPassword() };
  print(`torture: seed store ready in ${(firstStartMs / 1000).toFixed(1)} s (cluster ${ids.clusterId}, store ${ids.customKeyStoreId})`);
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      if (options.minutes !== undefined && Date.now() - began > options.minutes * 60_000) {
        print(`torture: --minutes ${options.minutes} reached after ${round - 1} round(s)`);
        break;
      }
      let report: RoundReport;
      try {
        report = await oneRound(round, random, simulator, ledger, ids, admin);
      } catch (error) {
        // A restart that fails, or checks that cannot run, end the run: the summary says so.
        failure = `round ${round}: ${error instanceof Error ? error.message : String(error)}`;
        print(`round ${String(round).padStart(3)}  FAILED  ${failure.split('\n').slice(0, 12).join('\n    ')}`);
        break;
      }
      for (const arn of report.orphanArns.reported) orphans.set(arn, true);
      for (const arn of report.orphanArns.unreported) if (!orphans.get(arn)) orphans.set(arn, false);
      rounds.push(report);
      print(roundLine(report));
    }
  } finally {
    await simulator.stop();
  }
  const restarts = rounds.map((report) => report.restartMs).sort((a, b) => a - b);
  const summary: TortureSummary = {
    seed: options.seed,
    rounds,
    acknowledged: ledger.acknowledged,
    lost: rounds.reduce((sum, report) => sum + report.lost.length, 0),
    orphansReported: [...orphans.values()].filter((reported) => reported).length,
    orphansUnreported: [...orphans.values()].filter((reported) => !reported).length,
    serverErrors: ledger.serverErrors,
    serverErrorSamples: ledger.serverErrorSamples,
    firstStartMs,
    ...(failure ? { failure } : {}),
    checked: { keys: ledger.keys.size, ciphertexts: ledger.ciphertexts.length, aliases: ledger.aliases.size },
    restartMs: { median: restarts[Math.floor(restarts.length / 2)] ?? 0, max: restarts[restarts.length - 1] ?? 0 },
    dataDir,
  };
  for (const line of summaryLines(summary)) print(line);
  if (!options.keep && !options.dataDir && !failure && summary.lost === 0 && summary.orphansUnreported === 0 && summary.serverErrors === 0) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.output.log`, { force: true });
  }
  return summary;
}

async function oneRound(
  round: number,
  random: SeededRandom,
  simulator: SimulatorUnderTest,
  ledger: TortureLedger,
  ids: { clusterId: string; customKeyStoreId: string; caFile: string },
  admin: { username: string; password: string },
): Promise<RoundReport> {
  const kill = KILL_KINDS[Math.floor(random.next() * KILL_KINDS.length)]!;
  const acknowledgedBefore = ledger.acknowledged;
  const errorsBefore = ledger.serverErrors;
  const load = new LoadMix({ endpoint: simulator.endpoint, ...ids }, ledger, new SeededRandom((random.next() * 2 ** 32) >>> 0), `r${round}`);
  load.start({ cryptoWorkers: 3, churn: random.chance(0.5) });
  let atMs: number;
  const before = simulator.nodeProcesses();
  if (kill === 'write') {
    await sleep(300 + random.next() * 700);
    load.burst(16);
    atMs = Math.floor(random.next() * 250);
    await sleep(atMs);
  } else {
    atMs = Math.floor(500 + random.next() * 2_500);
    await sleep(atMs);
  }
  const nodes = simulator.nodeProcesses();
  if (kill === 'tree') {
    for (const node of nodes) signal(node.pid, 'SIGKILL');
    simulator.signal('SIGKILL');
  } else if (kill === 'sim' || kill === 'write') {
    simulator.signal('SIGKILL');
  } else if (kill === 'sim-hung') {
    for (const node of nodes) signal(node.pid, 'SIGSTOP');
    simulator.signal('SIGKILL');
  } else {
    const victim = nodes[Math.floor(random.next() * Math.max(nodes.length, 1))];
    if (victim) signal(victim.pid, 'SIGKILL');
    await sleep(200);
  }
  await load.stop();
  if (kill === 'hsm') await simulator.stop();
  await simulator.exited();
  const restartMs = await simulator.start();
  const stale = simulator.nodeProcesses().filter((node) => [...before, ...nodes].some((old) => old.pid === node.pid && old.startTime === node.startTime)).length;
  const result = await checkRound({ endpoint: simulator.endpoint, ...ids, admin, simulatorOutput: () => readFileSync(simulator.outputFile, 'utf8'), auditPassword: `Audit-pw${round}` }, ledger);
  return {
    round,
    kill,
    atMs,
    acknowledged: ledger.acknowledged - acknowledgedBefore,
    lost: result.lost,
    orphansReported: result.orphansReported.length,
    orphansUnreported: result.orphansUnreported,
    partial: result.partial,
    serverErrors: ledger.serverErrors - errorsBefore,
    restartMs,
    staleNodes: stale,
    orphanArns: { reported: result.orphansReported, unreported: result.orphansUnreported },
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function idsFrom(output: string): { clusterId: string; customKeyStoreId: string; caFile: string } {
  const clusterId = /cloudhsm-sim: cluster (cluster-[a-z0-9]+)/.exec(output)?.[1];
  const customKeyStoreId = /cloudhsm-sim: custom key store (cks-[a-f0-9]+)/.exec(output)?.[1];
  const caFile = /cloudhsm-sim: CA file (\S+)/.exec(output)?.[1];
  if (!clusterId || !customKeyStoreId || !caFile) throw new Error(`the seed preset's ids are not in the simulator's output:\n${output}`);
  return { clusterId, customKeyStoreId, caFile };
}

/** The CO's password, from the preset file (the simulator never prints it). */
function coPassword(): string {
  const preset = JSON.parse(readFileSync(SEED_PRESET, 'utf8')) as { clusters: { users: { coPassword: string } }[] };
  return preset.clusters[0]!.users.coPassword;
}

export function roundLine(report: RoundReport): string {
  return [
    `round ${String(report.round).padStart(3)}`,
    `kill ${report.kill.padEnd(8)} at ${String(report.atMs).padStart(4)} ms`,
    `acknowledged ${String(report.acknowledged).padStart(5)}`,
    `lost ${report.lost.length}`,
    `orphans ${report.orphansReported}/${report.orphansUnreported.length} (reported/unreported)`,
    `on some HSMs only ${report.partial.length}`,
    `5xx ${report.serverErrors}`,
    `stale HSM processes ${report.staleNodes}`,
    `restart ${(report.restartMs / 1000).toFixed(2)} s`,
    ...(report.lost.length > 0 ? [`LOST: ${report.lost.slice(0, 5).join('; ')}`] : []),
    ...(report.orphansUnreported.length > 0 ? [`UNREPORTED ORPHANS: ${report.orphansUnreported.slice(0, 5).join(', ')}`] : []),
  ].join('  ');
}

export function summaryLines(summary: TortureSummary): string[] {
  return [
    `torture summary: seed ${summary.seed}, rounds ${summary.rounds.length}, requests acknowledged ${summary.acknowledged}, lost ${summary.lost}, ` +
      `orphans (distinct) ${summary.orphansReported} reported / ${summary.orphansUnreported} unreported, 5xx ${summary.serverErrors}, ` +
      `restart median ${(summary.restartMs.median / 1000).toFixed(2)} s (max ${(summary.restartMs.max / 1000).toFixed(2)} s), first start ${(summary.firstStartMs / 1000).toFixed(1)} s`,
    `torture checked after the last restart: ${summary.checked.keys} keys, ${summary.checked.ciphertexts} ciphertexts, ${summary.checked.aliases} aliases`,
    ...(summary.failure ? [`torture FAILED: ${summary.failure.split('\n')[0]}`] : []),
    ...summary.serverErrorSamples.map((sample) => `  5xx: ${sample}`),
  ];
}
