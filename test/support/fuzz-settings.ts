// How many cases a property-based test runs and from which seed: FUZZ_RUNS (default per test, 1,000 for
// a door) and FUZZ_SEED (default: a fixed seed, so `npm test` is the same every time). A failure prints
// the seed, the path and the shrunk case: `FUZZ_SEED=<seed> npm run fuzz` replays it.

import type { Parameters } from 'fast-check';

/** SIM: one fixed seed, so a failing `npm test` fails again on the next run. */
const DEFAULT_SEED = 20261206;

function fromEnvironment(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not "${text}"`);
  return value;
}

/** The run count: FUZZ_RUNS when set, else `defaultRuns`. */
export function fuzzRuns(defaultRuns: number): number {
  return fromEnvironment('FUZZ_RUNS', defaultRuns);
}

/** `fc.assert` parameters; `scale` shrinks the run count for expensive properties (0.1: a tenth of FUZZ_RUNS). */
export function fuzzParameters<T>(defaultRuns: number, scale = 1): Parameters<T> {
  return { seed: fromEnvironment('FUZZ_SEED', DEFAULT_SEED), numRuns: Math.max(1, Math.round(fuzzRuns(defaultRuns) * scale)), verbose: 1 };
}

/** mocha timeouts that grow with the run count. */
export function fuzzTimeout(defaultRuns: number, msPerRun: number, floorMs = 20_000): number {
  return Math.max(floorMs, fuzzRuns(defaultRuns) * msPerRun);
}
