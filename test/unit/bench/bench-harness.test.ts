// The benchmark harness: cases measured interleaved, medians, ratios against the baseline of the same run.

import { expect } from 'chai';
import type { BenchCase } from '../../../scripts/bench/bench-case';
import { runBenchmark } from '../../../scripts/bench/bench-harness';

const SETTINGS = { repetitionSeconds: 0.05, repetitions: 3, warmUpSeconds: 0.01 };

/** A case whose operation takes `ms` milliseconds of waiting; `order` gets its label when it takes over from another case. */
function sleepingCase(label: string, ms: number, order: string[], concurrency = 1): BenchCase {
  return {
    label,
    concurrency,
    run: () => {
      if (order.at(-1) !== label) order.push(label);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
}

describe('bench harness', () => {
  it('interleaves the cases and gives each a ratio against the baseline from the same run', async () => {
    const order: string[] = [];
    const result = await runBenchmark(
      { id: 'sleep', title: 'sleep', cases: [sleepingCase('fast', 1, order, 4), sleepingCase('slow', 4, order)], baseline: 'slow' },
      SETTINGS,
    );
    const [fast, slow] = result.cases;
    expect(slow?.ratio).to.equal(undefined);
    expect(fast?.runs).to.have.length(3);
    // Four workers at ~1 ms against one at ~4 ms: far more than twice the rate.
    expect(fast?.ratio).to.be.greaterThan(2);
    expect(fast?.ratioRuns).to.have.length(3);
    expect(fast?.median.p99Ms).to.be.at.least(fast?.median.p50Ms ?? Infinity);
    // Warm-ups, then three rounds of A B.
    expect(order).to.deep.equal(['fast', 'slow', 'fast', 'slow', 'fast', 'slow', 'fast', 'slow']);
  });

  it('refuses a benchmark whose baseline is none of its cases', async () => {
    const error = await runBenchmark({ id: 'x', title: 'x', cases: [sleepingCase('a', 1, [])], baseline: 'b' }, SETTINGS).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(Error).with.property('message', 'x: no case labelled "b"');
  });
});
