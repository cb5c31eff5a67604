import { expect } from 'chai';
import { canApply, nextNodeProcessState } from '../../../../hsm-sim/fleet/node-process.states';

describe('node process state table', () => {
  it('follows a node through start, hang, resume, crash and restart', () => {
    let state = nextNodeProcessState('stopped', 'spawn');
    for (const [event, expected] of [['ready', 'running'], ['sigstop', 'hung'], ['sigcont', 'running'], ['crash', 'dead'], ['spawn', 'starting']] as const) {
      state = nextNodeProcessState(state, event);
      expect(state).to.equal(expected);
    }
  });

  it('refuses events a state does not allow', () => {
    expect(canApply('stopped', 'sigstop')).to.equal(false);
    expect(() => nextNodeProcessState('dead', 'ready')).to.throw("cannot 'ready' while dead");
  });
});
