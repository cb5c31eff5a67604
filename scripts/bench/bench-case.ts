// What a benchmark is: cases that do the same operation in different ways, measured side by side. A case
// knows nothing of engines or transports: it is one timed operation plus optional untimed hooks.

export interface BenchCase {
  /** Who does the work; the "engine" column, e.g. "softhsm2", "node:crypto". */
  readonly label: string;
  /** How many operations are in flight at once (workers calling run() in a loop); 1 when absent. */
  readonly concurrency?: number;
  /** Once, before the warm-up. */
  setup?(): Promise<void>;
  /** One operation; the only timed part. A returned promise is awaited. */
  run(): Promise<unknown> | void;
  /** Once, at the end, also after a failure. */
  teardown?(): Promise<void>;
}

export interface Benchmark {
  /** kebab-case; matched by --filter and kept in the JSON. */
  readonly id: string;
  readonly title: string;
  /** Measured interleaved (A B A B A B) so that machine noise hits every case alike. */
  readonly cases: readonly BenchCase[];
  /** Label of the case the others are compared with: ratio = case ops/s / baseline ops/s. */
  readonly baseline: string;
}
