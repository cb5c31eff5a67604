// The ceiling comparison: KMS Encrypt 32 B through the simulator's endpoint at the highest concurrency
// against the engine's AES-GCM encrypt of 32 B in-process on SoftHSM, both from the same run.

import type { BenchmarkResult } from './bench-harness';
import { kmsBenchmarkId } from './kms-benchmarks';
import { SIMULATOR_LABEL } from './simulator-kms';

const END_TO_END = { id: kmsBenchmarkId('kms-encrypt-32', 32), label: SIMULATOR_LABEL };
const IN_PROCESS = { id: 'aes-gcm-encrypt-32', label: 'softhsm2' };

export interface Ceiling {
  readonly endToEndOpsPerSecond: number;
  readonly ceilingOpsPerSecond: number;
  /** end-to-end ops/s ÷ ceiling ops/s. */
  readonly ratio: number;
}

/** Absent unless both rows ran. */
export function ceilingOf(results: readonly BenchmarkResult[]): Ceiling | undefined {
  const endToEnd = medianOpsPerSecond(results, END_TO_END);
  const ceiling = medianOpsPerSecond(results, IN_PROCESS);
  if (endToEnd === undefined || ceiling === undefined) return undefined;
  return { endToEndOpsPerSecond: endToEnd, ceilingOpsPerSecond: ceiling, ratio: endToEnd / ceiling };
}

export function describeCeiling(ceiling: Ceiling): string {
  return (
    `Ceiling: ${END_TO_END.id} (${SIMULATOR_LABEL}) ÷ ${IN_PROCESS.id} (${IN_PROCESS.label} in-process) = ` +
    `${Math.round(ceiling.endToEndOpsPerSecond)} ÷ ${Math.round(ceiling.ceilingOpsPerSecond)} ops/s = ${ceiling.ratio.toFixed(3)}`
  );
}

function medianOpsPerSecond(results: readonly BenchmarkResult[], row: { id: string; label: string }): number | undefined {
  return results.find((result) => result.id === row.id)?.cases.find((result) => result.label === row.label)?.median.opsPerSecond;
}
