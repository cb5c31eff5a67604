// `npm run bench`: measures every row (or those matching --filter), prints the markdown table and writes
// the results to bench-results/. Method: bench-harness.ts, as in softhsm-notes.
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
import { kmsBenchmarks } from './kms-benchmarks';
import { KmsFixture } from './kms-fixture';
import { measureScale } from './kms-scale';
import { describeMachine } from './machine-info';
import { watchMemory } from './memory-report';
import { startMotoKms } from './moto-kms';
import { measureStartup } from './startup-timings';
import { writeResults } from './results-files';
import { SIMULATOR_LABEL, startSimulatorKms } from './simulator-kms';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const softHsm = new EngineFixture('softhsm2', softHsmEngineFactory());
  const simulatorKms = new KmsFixture(SIMULATOR_LABEL, startSimulatorKms);
  const motoKms = new KmsFixture('moto', startMotoKms);
  // The scale rows fill a cluster to its quota: a simulator of their own.
  const scaleKms = new KmsFixture(SIMULATOR_LABEL, startSimulatorKms);
  const kmsRows = kmsBenchmarks(simulatorKms, motoKms);
  const benchmarks = select([...cryptoBenchmarks(softHsm), ...kmsRows], [STARTUP_ID, SCALE_ID], options.filter);
  const date = new Date().toISOString();
  const loadAtStart = loadavg();
  const results: BenchmarkResult[] = [];
  let memory: BenchReport['memory'];
  let scale: BenchReport['scale'];
  let startup: BenchReport['startup'];
  try {
    // First, while nothing else runs: what a user waits for.
    if (benchmarks.includes(STARTUP_ID)) startup = await measureStartup(options.settings.repetitions);
    const memoryWatch = benchmarks.some((benchmark) => kmsRows.includes(benchmark as Benchmark)) ? await watchMemory([simulatorKms, motoKms]) : undefined;
    for (const benchmark of benchmarks) {
      if (typeof benchmark === 'string') continue;
      const started = performance.now();
      process.stderr.write(`[bench] ${benchmark.id} ...`);
      results.push(await runBenchmark(benchmark, options.settings));
      process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    memory = memoryWatch?.finish();
    await Promise.all([simulatorKms.close(), motoKms.close()]);
    if (benchmarks.includes(SCALE_ID)) scale = await measureScale(scaleKms, options.settings);
  } finally {
    await Promise.all([softHsm.close(), simulatorKms.close(), motoKms.close(), scaleKms.close()]);
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

const STARTUP_ID = 'startup';
const SCALE_ID = 'kms-scale';

/** The A/B benchmarks and the ids of the other measurements that --filter selects. */
function select(benchmarks: Benchmark[], measurements: string[], filter: string | undefined): (Benchmark | string)[] {
  const all = [...benchmarks, ...measurements];
  if (filter === undefined) return all;
  const wanted = filter.toLowerCase();
  const selected = all.filter((item) => (typeof item === 'string' ? item.includes(wanted) : item.id.includes(wanted) || item.title.toLowerCase().includes(wanted)));
  if (selected.length === 0) {
    throw new Error(`--filter "${filter}" matches nothing; ids: ${all.map((item) => (typeof item === 'string' ? item : item.id)).join(', ')}`);
  }
  return selected;
}

// Exiting on a signal runs the 'exit' hook that removes the scratch token folders.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
