// Command line of `npm run bench`: [--quick] [--filter <substring>] [--out <file.json>].

import { parseArgs } from 'node:util';
import type { BenchSettings } from './bench-harness';

/** softhsm-notes: 2 s per repetition, 3 repetitions, median. */
const FULL: BenchSettings = { repetitionSeconds: 2, repetitions: 3, warmUpSeconds: 0.5 };
const QUICK: BenchSettings = { repetitionSeconds: 0.5, repetitions: 3, warmUpSeconds: 0.2 };

export interface BenchOptions {
  readonly settings: BenchSettings;
  /** Case-insensitive substring of a benchmark's id or title. */
  readonly filter?: string;
  /** Where the JSON goes; default bench-results/bench-<timestamp>.json. */
  readonly out?: string;
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      filter: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return { settings: values.quick ? QUICK : FULL, filter: values.filter, out: values.out };
}
