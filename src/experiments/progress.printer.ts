// The live progress line: elapsed, requests ok/failed, p50/p99 of the last few seconds, active faults.
// On a terminal one line rewritten in place each second; otherwise a new line every few seconds.

import type { Timeline } from './timeline';
import { msText } from './report-markdown.writer';
import { statsOf } from './window.stats';

const RECENT_MS = 5_000;
const TTY_EVERY_MS = 1_000;
const LOG_EVERY_MS = 5_000;

export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export function progressLine(timeline: Timeline): string {
  const now = timeline.now();
  const ok = timeline.requests.filter((record) => record.outcome === 'ok').length;
  const recent = statsOf('recent', timeline.requests.filter((record) => record.t + record.latencyMs >= now - RECENT_MS));
  const faults = timeline.activeFaults().map((fault) => `${fault.label} (${fault.kind})`);
  return `${(now / 1000).toFixed(1).padStart(6)} s | ok ${ok} failed ${timeline.requests.length - ok} | p50 ${msText(recent.p50Ms)} p99 ${msText(recent.p99Ms)} (last 5 s) | faults: ${faults.join(', ') || 'none'}`;
}

export class ProgressPrinter {
  private timer?: NodeJS.Timeout;
  private width = 0;

  constructor(
    private readonly output: ProgressOutput,
    private readonly timeline: Timeline,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.print(), this.output.isTTY ? TTY_EVERY_MS : LOG_EVERY_MS);
  }

  /** A line of its own (a step's outcome), keeping the progress line below it on a terminal. */
  say(line: string): void {
    if (this.output.isTTY && this.width > 0) this.output.write(`\r${' '.repeat(this.width)}\r`);
    this.output.write(`${line}\n`);
    this.width = 0;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.print();
    if (this.output.isTTY) this.output.write('\n');
  }

  private print(): void {
    const line = progressLine(this.timeline);
    if (!this.output.isTTY) {
      this.output.write(`${line}\n`);
      return;
    }
    this.output.write(`\r${line.padEnd(this.width)}`);
    this.width = line.length;
  }
}
