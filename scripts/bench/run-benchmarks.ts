// `npm run bench`: measures every row (or those matching --filter): the A/B rows (bench-harness.ts, as in
// softhsm-notes), then the startup times, resident memory and the scale rows; prints the markdown report
// and writes it and the JSON to bench-results/.
//   node dist/scripts/bench/run-benchmarks.js [--quick] [--filter <substring>] [--out <file.json>]

import { loadavg } from 'node:os';
import { softHsmEngineFactory } from '../../hsm-sim/engine/hsm-engine-factory';
import type { Benchmark } from './bench-case';
import { runBenchmark, type BenchmarkResult } from './bench-harness';
import { parseBenchOptions } from './bench-options';
import { renderMarkdown, type BenchReport } from './bench-report';
import { ceilingOf } from './ceiling';
import { cryptoBenchmarks } from './crypto-benchmarks';
import { EngineFixture } from './engine-fixture';
import { faultLayerBenchmarks, kmsBenchmarks } from './kms-benchmarks';
import { KmsFixture } from './kms-fixture';
import { measureScale } from './kms-scale';
import { describeMachine } from './machine-info';
import { watchMemory } from './memory-report';
import { startMotoKms } from './moto-kms';
import { measureStartup } from './startup-timings';
import { writeResults } from './results-files';
import { NO_FAULT_LAYER_LABEL, SIMULATOR_LABEL, startSimulatorKms } from './simulator-kms';

/** What --filter picks: the A/B rows, and the two measurements that are not A/B rows. */
interface Selection {
  readonly rows: Benchmark[];
  readonly startup: boolean;
  readonly scale: boolean;
}

const STARTUP = { id: 'startup', title: 'startup times' };
const SCALE = { id: 'kms-scale', title: 'scale to 3,300 keys' };

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const softHsm = new EngineFixture('softhsm2', softHsmEngineFactory());
  const simulatorKms = new KmsFixture(SIMULATOR_LABEL, startSimulatorKms);
  const motoKms = new KmsFixture('moto', startMotoKms);
  const noFaultLayerKms = new KmsFixture(NO_FAULT_LAYER_LABEL, () => startSimulatorKms(['--fault-layer', 'off']));
  // The scale rows fill a cluster to its quota: a simulator of their own.
  const scaleKms = new KmsFixture(SIMULATOR_LABEL, startSimulatorKms);
  const kmsRows = kmsBenchmarks(simulatorKms, motoKms);
  const selection = select([...cryptoBenchmarks(softHsm), ...kmsRows, ...faultLayerBenchmarks(simulatorKms, noFaultLayerKms)], options.filter);
  const date = new Date().toISOString();
  const loadAtStart = loadavg();
  const results: BenchmarkResult[] = [];
  let memory: BenchReport['memory'];
  let scale: BenchReport['scale'];
  let startup: BenchReport['startup'];
  try {
    // First, while nothing else runs: what a user waits for.
    if (selection.startup) startup = await measureStartup(options.settings.repetitions);
    const memoryWatch = selection.rows.some((row) => kmsRows.includes(row)) ? await watchMemory([simulatorKms, motoKms]) : undefined;
    for (const benchmark of selection.rows) {
      const started = performance.now();
      process.stderr.write(`[bench] ${benchmark.id} ...`);
      results.push(await runBenchmark(benchmark, options.settings));
      process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    memory = memoryWatch?.finish();
    await Promise.all([simulatorKms.close(), motoKms.close(), noFaultLayerKms.close()]);
    if (selection.scale) scale = await measureScale(scaleKms, options.settings);
  } finally {
    await Promise.all([softHsm.close(), simulatorKms.close(), motoKms.close(), noFaultLayerKms.close(), scaleKms.close()]);
  }
  const report: BenchReport = {
    date,
    machine: describeMachine(),
    loadAverage: { start: loadAtStart, end: loadavg() },
    settings: options.settings,
    benchmarks: results,
    ceiling: ceilingOf(results),
    ...(memory ? { memory } : {}),
    ...(scale ? { scale } : {}),
    ...(startup ? { startup } : {}),
  };
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  for (const file of writeResults(report, markdown, options.out)) process.stderr.write(`[bench] wrote ${file}\n`);
}

function select(rows: Benchmark[], filter: string | undefined): Selection {
  const wanted = filter?.toLowerCase();
  const matches = ({ id, title }: { readonly id: string; readonly title: string }): boolean =>
    wanted === undefined || id.includes(wanted) || title.toLowerCase().includes(wanted);
  const selection = { rows: rows.filter(matches), startup: matches(STARTUP), scale: matches(SCALE) };
  if (selection.rows.length === 0 && !selection.startup && !selection.scale) {
    throw new Error(`--filter "${filter ?? ''}" matches nothing; ids: ${[...rows, STARTUP, SCALE].map((item) => item.id).join(', ')}`);
  }
  return selection;
}

// Exiting on a signal runs the 'exit' hook that removes the scratch token folders.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
