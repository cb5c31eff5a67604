// What the network gate tells a node's listeners to do with connections and frames, per fault.

import { expect } from 'chai';
import { NetworkFaultGate } from '../../../../hsm-sim/faults/network-fault-gate';

const id = { faultId: 'f-1', seed: 1 };

describe('network fault gate', () => {
  it('is inactive, and lets everything pass, with no fault', () => {
    const gate = new NetworkFaultGate();
    expect(gate.active).to.equal(false);
    expect(gate.onConnection()).to.equal('accept');
    expect(gate.onFrame()).to.equal('pass');
    expect(gate.openConnections()).to.equal('keep');
  });

  it('resets new connections, frames and open connections under partition refuse', () => {
    const gate = new NetworkFaultGate();
    gate.set([{ kind: 'network-partition', mode: 'refuse', ...id }]);
    expect(gate.active).to.equal(true);
    expect(gate.onConnection()).to.equal('reset');
    expect(gate.onFrame()).to.equal('reset');
    expect(gate.openConnections()).to.equal('reset');
    expect(gate.cutsOutbound).to.equal(true);
  });

  it('holds new connections, drops frames and stalls open connections under partition blackhole', () => {
    const gate = new NetworkFaultGate();
    gate.set([{ kind: 'network-partition', mode: 'blackhole', ...id }]);
    expect(gate.onConnection()).to.equal('hold');
    expect(gate.onFrame()).to.equal('drop');
    expect(gate.openConnections()).to.equal('stall');
  });

  it('delays each frame by at least ms under latency', () => {
    const gate = new NetworkFaultGate();
    gate.set([{ kind: 'network-latency', ms: 200, jitterMs: 0, ...id }]);
    expect(gate.onConnection()).to.equal('accept');
    expect(gate.onFrame()).to.deep.equal({ delayMs: 200 });
  });

  it('resets every connection and frame under loss with probability 1, none with 0', () => {
    const gate = new NetworkFaultGate();
    gate.set([{ kind: 'network-loss', probability: 1, ...id }]);
    expect([gate.onConnection(), gate.onFrame()]).to.deep.equal(['reset', 'reset']);
    gate.set([{ kind: 'network-loss', probability: 0, ...id }]);
    expect([gate.onConnection(), gate.onFrame()]).to.deep.equal(['accept', 'pass']);
  });

  it('heals with an empty set and tells its listeners of each change', () => {
    const gate = new NetworkFaultGate();
    let changes = 0;
    const unsubscribe = gate.subscribe(() => (changes += 1));
    gate.set([{ kind: 'network-partition', mode: 'refuse', ...id }]);
    gate.set([]);
    expect(gate.active).to.equal(false);
    expect(gate.cutsOutbound).to.equal(false);
    expect(changes).to.equal(2);
    unsubscribe();
    gate.set([]);
    expect(changes).to.equal(2);
  });
});
