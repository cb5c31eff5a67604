// Runs one benchmark: set every case up, warm each one up, then measure repetitions interleaved
// (A B A B A B), each for a fixed time budget, with the case's number of workers each doing one operation
// at a time, timing every operation.

import type { Benchmark, BenchCase } from './bench-case';
import { median, percentile } from './latency-stats';

export interface BenchSettings {
  readonly repetitionSeconds: number;
  readonly repetitions: number;
  readonly warmUpSeconds: number;
}

export interface RepetitionResult {
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface CaseResult {
  readonly label: string;
  /** Medians over the repetitions, metric by metric. */
  readonly median: Omit<RepetitionResult, 'ops' | 'seconds'>;
  /** median ops/s / the baseline's median ops/s; absent for the baseline itself. */
  readonly ratio?: number;
  /** The same ratio per repetition pair (A_i / B_i). */
  readonly ratioRuns?: number[];
  readonly runs: RepetitionResult[];
}

export interface BenchmarkResult {
  readonly id: string;
  readonly title: string;
  readonly baseline: string;
  readonly cases: CaseResult[];
}

const NS_PER_MS = 1e6;
const NS_PER_S = 1e9;

export async function runBenchmark(benchmark: Benchmark, settings: BenchSettings): Promise<BenchmarkResult> {
  const baselineIndex = benchmark.cases.findIndex((benchCase) => benchCase.label === benchmark.baseline);
  if (baselineIndex < 0) throw new Error(`${benchmark.id}: no case labelled "${benchmark.baseline}"`);
  const runs = await measureInterleaved(benchmark.cases, settings);
  const baselineOpsPerSecond = runs[baselineIndex]?.map((run) => run.opsPerSecond) ?? [];
  return {
    id: benchmark.id,
    title: benchmark.title,
    baseline: benchmark.baseline,
    cases: benchmark.cases.map((benchCase, index) => {
      const caseRuns = runs[index] ?? [];
      const summary = {
        opsPerSecond: median(caseRuns.map((run) => run.opsPerSecond)),
        p50Ms: median(caseRuns.map((run) => run.p50Ms)),
        p99Ms: median(caseRuns.map((run) => run.p99Ms)),
      };
      if (index === baselineIndex) return { label: benchCase.label, median: summary, runs: caseRuns };
      return {
        label: benchCase.label,
        median: summary,
        ratio: summary.opsPerSecond / median(baselineOpsPerSecond),
        ratioRuns: caseRuns.map((run, round) => run.opsPerSecond / (baselineOpsPerSecond[round] ?? Number.NaN)),
        runs: caseRuns,
      };
    }),
  };
}

/** The repetitions of every case, by case. */
async function measureInterleaved(cases: readonly BenchCase[], settings: BenchSettings): Promise<RepetitionResult[][]> {
  const runs: RepetitionResult[][] = cases.map(() => []);
  const started: BenchCase[] = [];
  try {
    for (const benchCase of cases) {
      await benchCase.setup?.();
      started.push(benchCase);
    }
    for (const benchCase of cases) await repetition(benchCase, settings.warmUpSeconds);
    for (let round = 0; round < settings.repetitions; round++) {
      for (const [index, benchCase] of cases.entries()) runs[index]?.push(await repetition(benchCase, settings.repetitionSeconds));
    }
    return runs;
  } finally {
    for (const benchCase of started.reverse()) await benchCase.teardown?.();
  }
}

async function repetition(benchCase: BenchCase, seconds: number): Promise<RepetitionResult> {
  const latencies: number[] = [];
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * NS_PER_S));
  const worker = async (): Promise<void> => {
    let now = process.hrtime.bigint();
    while (now < deadline) {
      const opStart = now;
      const pending = benchCase.run();
      if (pending instanceof Promise) await pending;
      now = process.hrtime.bigint();
      latencies.push(Number(now - opStart));
    }
  };
  await Promise.all(Array.from({ length: benchCase.concurrency ?? 1 }, worker));
  const elapsedNs = Number(process.hrtime.bigint() - start);
  const ascending = Float64Array.from(latencies).sort();
  return {
    ops: latencies.length,
    seconds: elapsedNs / NS_PER_S,
    opsPerSecond: (latencies.length * NS_PER_S) / elapsedNs,
    p50Ms: percentile(ascending, 50) / NS_PER_MS,
    p99Ms: percentile(ascending, 99) / NS_PER_MS,
  };
}
