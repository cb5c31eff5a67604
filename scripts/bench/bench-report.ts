// One benchmark run as data (written as JSON) and as the markdown table printed and written to latest.md.

import type { BenchmarkResult, BenchSettings } from './bench-harness';
import { describeCeiling, type Ceiling } from './ceiling';
import { renderScaleMarkdown, type ScaleLevel } from './kms-scale';
import type { MachineInfo } from './machine-info';
import { renderMemoryMarkdown, type ServerMemory } from './memory-report';
import { renderStartupMarkdown, type StartupTimings } from './startup-timings';

export interface BenchReport {
  /** ISO time the run started. */
  readonly date: string;
  readonly machine: MachineInfo;
  /** os.loadavg() (1, 5, 15 min) when the run started and ended. */
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
  readonly settings: BenchSettings;
  readonly benchmarks: BenchmarkResult[];
  /** End-to-end against in-process, when both rows ran. */
  readonly ceiling?: Ceiling;
  /** When the end-to-end rows ran. */
  readonly memory?: ServerMemory[];
  readonly scale?: ScaleLevel[];
  readonly startup?: StartupTimings;
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, settings, loadAverage } = report;
  const lines = [
    `${report.date} · ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB · ${machine.os} · Node ${machine.node}` +
      ` · load average ${formatLoad(loadAverage.start)} at start, ${formatLoad(loadAverage.end)} at end`,
    '',
    `${settings.repetitions} × ${settings.repetitionSeconds} s per case after ${settings.warmUpSeconds} s warm-up, cases interleaved;` +
      ' medians; ratio = ops/s ÷ baseline ops/s from the same run.',
    '',
    ...(report.benchmarks.length > 0 ? renderBenchmarks(report.benchmarks) : []),
    ...(report.ceiling ? ['', describeCeiling(report.ceiling)] : []),
    ...(report.memory?.length ? ['', ...renderMemoryMarkdown(report.memory)] : []),
    ...(report.scale ? ['', ...renderScaleMarkdown(report.scale)] : []),
    ...(report.startup ? ['', renderStartupMarkdown(report.startup).trimEnd()] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function renderBenchmarks(benchmarks: readonly BenchmarkResult[]): string[] {
  const baselines = [...new Set(benchmarks.map((benchmark) => benchmark.baseline))];
  return [
    `| benchmark | engine | ops/s | p50 ms | p99 ms | ratio vs ${baselines.join(' / ')} |`,
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...benchmarks.flatMap((benchmark) =>
      benchmark.cases.map(
        (result) =>
          `| ${benchmark.title} | ${result.label} | ${formatRate(result.median.opsPerSecond)} | ${formatMs(result.median.p50Ms)} |` +
          ` ${formatMs(result.median.p99Ms)} | ${result.ratio === undefined ? '–' : result.ratio.toFixed(3)} |`,
      ),
    ),
  ];
}

function formatLoad(load: number[]): string {
  return load.map((value) => value.toFixed(2)).join(' ');
}

function formatRate(opsPerSecond: number): string {
  return opsPerSecond >= 100 ? Math.round(opsPerSecond).toLocaleString('en-US') : opsPerSecond.toFixed(1);
}

/** Three significant digits, whole milliseconds from 100 ms up. */
function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toPrecision(3);
}
