// A fault's injected events follow from its seed: the same fault with the same seed decides the same
// for the n-th eligible connection, frame or engine operation; another seed decides otherwise.

import { expect } from 'chai';
import { EngineFaultInjector } from '../../../../hsm-sim/faults/engine-fault-injector';
import { NetworkFaultGate } from '../../../../hsm-sim/faults/network-fault-gate';
import { SeededRandom } from '../../../../hsm-sim/faults/seeded-random';

function lossDecisions(seed: number, count = 200): string[] {
  const gate = new NetworkFaultGate();
  gate.set([{ kind: 'network-loss', probability: 0.3, faultId: 'loss-1', seed }]);
  return Array.from({ length: count }, (_, index) => String(index % 5 === 0 ? gate.onConnection() : gate.onFrame()));
}

function engineDecisions(seed: number, count = 200): boolean[] {
  const engine = new EngineFaultInjector();
  engine.set([{ kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 0.5, faultId: 'err-1', seed }]);
  return Array.from({ length: count }, () => engine.decide('encrypt').error !== undefined);
}

describe('fault seeds: the same seed gives the same injected sequence', () => {
  it('draws the same numbers for the same seed, and others for another seed', () => {
    const draws = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 50 }, () => random.next());
    };
    expect(draws(7)).to.deep.equal(draws(7));
    expect(draws(7)).to.not.deep.equal(draws(8));
    expect(draws(7).every((value) => value >= 0 && value < 1)).to.equal(true);
  });

  it('resets the same connections and frames under network-loss for the same seed', () => {
    const first = lossDecisions(42);
    expect(lossDecisions(42)).to.deep.equal(first);
    expect(lossDecisions(43)).to.not.deep.equal(first);
    const resets = first.filter((decision) => decision === 'reset').length;
    expect(resets).to.be.within(30, 90);
  });

  it('fails the same engine operations under engine-error for the same seed', () => {
    const first = engineDecisions(1234);
    expect(engineDecisions(1234)).to.deep.equal(first);
    expect(engineDecisions(4321)).to.not.deep.equal(first);
  });

  it('draws the same latency jitter for the same seed', () => {
    const delays = (seed: number): number[] => {
      const gate = new NetworkFaultGate();
      gate.set([{ kind: 'network-latency', ms: 10, jitterMs: 50, faultId: 'lat-1', seed }]);
      return Array.from({ length: 30 }, () => (gate.onFrame() as { delayMs: number }).delayMs);
    };
    expect(delays(5)).to.deep.equal(delays(5));
    expect(delays(5)).to.not.deep.equal(delays(6));
    expect(delays(5).every((ms) => ms >= 10 && ms < 60)).to.equal(true);
  });

  it('keeps a fault sequence going when another fault joins the set', () => {
    const alone = lossDecisions(42, 20);
    const gate = new NetworkFaultGate();
    const loss = { kind: 'network-loss', probability: 0.3, faultId: 'loss-1', seed: 42 } as const;
    gate.set([loss]);
    const decisions = Array.from({ length: 10 }, (_, index) => String(index % 5 === 0 ? gate.onConnection() : gate.onFrame()));
    gate.set([loss, { kind: 'network-latency', ms: 0, jitterMs: 0, faultId: 'lat-1', seed: 1 }]);
    for (let index = 10; index < 20; index += 1) {
      const verdict = index % 5 === 0 ? gate.onConnection() : gate.onFrame();
      decisions.push(verdict === 'reset' ? 'reset' : index % 5 === 0 ? 'accept' : 'pass');
    }
    expect(decisions).to.deep.equal(alone);
  });
});
