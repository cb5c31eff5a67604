// Numbers from a timeline: per fault window, outside every fault, over the whole run, and per second.
// A probe request belongs to the window its start falls in. Latency percentiles are over every request
// of the window, failed ones included (a timeout counts with its time limit): what a client waited.

import type { FaultRecord, ProbeRecord, TimelineDocument } from './timeline';

export interface ErrorShare {
  readonly outcome: string;
  readonly count: number;
  /** Of all requests in the window. */
  readonly share: number;
}

export interface WindowStats {
  readonly label: string;
  readonly requests: number;
  readonly ok: number;
  readonly failed: number;
  /** ok / requests; undefined with no requests. */
  readonly successRate?: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  /** Failed outcomes, most frequent first. */
  readonly errors: readonly ErrorShare[];
}

export interface FaultWindow {
  readonly fault: FaultRecord;
  readonly fromT: number;
  readonly toT: number;
}

export interface SecondStats {
  readonly second: number;
  readonly requests: number;
  readonly successRate?: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
}

/** The nearest-rank percentile (p in 0..1) of ascending `sorted`; undefined when it is empty. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function statsOf(label: string, records: readonly ProbeRecord[]): WindowStats {
  const latencies = records.map((record) => record.latencyMs).sort((a, b) => a - b);
  const ok = records.filter((record) => record.outcome === 'ok').length;
  const counts = new Map<string, number>();
  for (const record of records) if (record.outcome !== 'ok') counts.set(record.outcome, (counts.get(record.outcome) ?? 0) + 1);
  const errors = [...counts]
    .map(([outcome, count]) => ({ outcome, count, share: count / records.length }))
    .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
  return {
    label,
    requests: records.length,
    ok,
    failed: records.length - ok,
    ...(records.length > 0 ? { successRate: ok / records.length, p50Ms: percentile(latencies, 0.5)!, p99Ms: percentile(latencies, 0.99)! } : {}),
    errors,
  };
}

/** Each fault's window: from its addition to its heal (or the run's end while it was never healed). */
export function faultWindows(timeline: TimelineDocument): FaultWindow[] {
  return timeline.faults.map((fault) => ({ fault, fromT: fault.addedT, toT: Math.min(fault.healedT ?? timeline.endedT, timeline.endedT) }));
}

export function inWindow(records: readonly ProbeRecord[], fromT: number, toT: number): ProbeRecord[] {
  return records.filter((record) => record.t >= fromT && record.t < toT);
}

export function windowStats(timeline: TimelineDocument, window: FaultWindow): WindowStats {
  return statsOf(window.fault.label, inWindow(timeline.requests, window.fromT, window.toT));
}

/** The requests that started while no fault was active: the steady state to compare against. */
export function steadyStateStats(timeline: TimelineDocument): WindowStats {
  const windows = faultWindows(timeline);
  return statsOf('no fault active', timeline.requests.filter((record) => !windows.some((window) => record.t >= window.fromT && record.t < window.toT)));
}

export function perSecond(timeline: TimelineDocument): SecondStats[] {
  const seconds = Math.ceil(timeline.endedT / 1000);
  const buckets: ProbeRecord[][] = Array.from({ length: seconds }, () => []);
  for (const record of timeline.requests) buckets[Math.min(Math.floor(record.t / 1000), seconds - 1)]?.push(record);
  return buckets.map((records, second) => {
    const stats = statsOf(String(second), records);
    return { second, requests: stats.requests, ...(stats.successRate === undefined ? {} : { successRate: stats.successRate, p50Ms: stats.p50Ms!, p99Ms: stats.p99Ms! }) };
  });
}
