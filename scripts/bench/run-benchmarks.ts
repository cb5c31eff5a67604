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
import { describeMachine } from './machine-info';
import { startMotoKms } from './moto-kms';
import { writeResults } from './results-files';
import { SIMULATOR_LABEL, startSimulatorKms } from './simulator-kms';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const softHsm = new EngineFixture('softhsm2', softHsmEngineFactory());
  const simulatorKms = new KmsFixture(SIMULATOR_LABEL, startSimulatorKms);
  const motoKms = new KmsFixture('moto', startMotoKms);
  const benchmarks = select([...cryptoBenchmarks(softHsm), ...kmsBenchmarks(simulatorKms, motoKms)], options.filter);
  const date = new Date().toISOString();
  const loadAtStart = loadavg();
  const results: BenchmarkResult[] = [];
  try {
    for (const benchmark of benchmarks) {
      const started = performance.now();
      process.stderr.write(`[bench] ${benchmark.id} ...`);
      results.push(await runBenchmark(benchmark, options.settings));
      process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await Promise.all([softHsm.close(), simulatorKms.close(), motoKms.close()]);
  }
  const report: BenchReport = {
    date,
    machine: describeMachine(),
    loadAverage: { start: loadAtStart, end: loadavg() },
    settings: options.settings,
    benchmarks: results,
    ceiling: ceilingOf(results),
  };
  const markdown = renderMarkdown(report);
  process.stdout.write(markdown);
  for (const file of writeResults(report, markdown, options.out)) process.stderr.write(`[bench] wrote ${file}\n`);
}

function select(benchmarks: Benchmark[], filter: string | undefined): Benchmark[] {
  if (filter === undefined) return benchmarks;
  const wanted = filter.toLowerCase();
  const selected = benchmarks.filter((b) => b.id.includes(wanted) || b.title.toLowerCase().includes(wanted));
  if (selected.length === 0) {
    throw new Error(`--filter "${filter}" matches no benchmark; ids: ${benchmarks.map((b) => b.id).join(', ')}`);
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
