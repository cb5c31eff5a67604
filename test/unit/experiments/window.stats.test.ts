// Statistics from a timeline: percentiles, success rate and error shares per fault window, steady state, per second.

import { expect } from 'chai';
import { faultWindows, percentile, perSecond, statsOf, steadyStateStats, windowStats } from '../../../src/experiments/window.stats';
import { syntheticTimeline } from './synthetic-timeline';

describe('experiment statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 0.5)).to.equal(50);
    expect(percentile(sorted, 0.99)).to.equal(99);
    expect(percentile([7], 0.99)).to.equal(7);
    expect(percentile([], 0.5)).to.equal(undefined);
  });

  it('counts a fault window: success rate, error shares, latency with the failures in it', () => {
    const timeline = syntheticTimeline();
    const [cut, second] = faultWindows(timeline);
    expect(cut).to.include({ fromT: 3000, toT: 6000 });
    expect(second, 'never healed: open until the end').to.include({ fromT: 8000, toT: 10_000 });
    const stats = windowStats(timeline, cut!);
    // 30 requests (indexes 30..59): 3 time out (31, 41, 51), 15 even ones fail, 12 odd ones succeed.
    expect(stats).to.deep.include({ label: 'cut', requests: 30, ok: 12, failed: 18, successRate: 0.4, p50Ms: 50, p99Ms: 10_000 });
    expect(stats.errors).to.deep.equal([
      { outcome: 'KMSInvalidStateException', count: 15, share: 0.5 },
      { outcome: 'timeout', count: 3, share: 0.1 },
    ]);
  });

  it('counts the steady state outside every window, and the run per second', () => {
    const timeline = syntheticTimeline();
    expect(steadyStateStats(timeline)).to.deep.include({ requests: 50, ok: 50, failed: 0, successRate: 1, p50Ms: 5, p99Ms: 10 });
    const seconds = perSecond(timeline);
    expect(seconds).to.have.length(10);
    expect(seconds[0]).to.deep.include({ second: 0, requests: 10, successRate: 1, p50Ms: 5, p99Ms: 10 });
    expect(seconds[3]).to.deep.include({ second: 3, requests: 10, successRate: 0.4 });
    expect(statsOf('empty', [])).to.deep.equal({ label: 'empty', requests: 0, ok: 0, failed: 0, errors: [] });
  });
});
