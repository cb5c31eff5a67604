// Order statistics for latency samples and repetition results.

/** Nearest-rank percentile of ascending values. */
export function percentile(ascending: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * ascending.length));
  return ascending[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const ascending = Float64Array.from(values).sort();
  const lower = ascending[(ascending.length - 1) >> 1];
  const upper = ascending[ascending.length >> 1];
  return lower === undefined || upper === undefined ? Number.NaN : (lower + upper) / 2;
}
