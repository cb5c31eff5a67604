// hsm-busy: key operations above the fault's rate are refused with CKR_HSM_BUSY; the rate refills.

import { expect } from 'chai';
import { BusyLimiter, withBusyLimiter } from '../../../../hsm-sim/faults/busy-limiter';
import { HSM_BUSY_CODE } from '../../../../hsm-sim/faults/node-fault.types';
import { expectNodeError } from '../../../support/expect-error';

describe('busy limiter', () => {
  let now: number;
  const clock = (): number => now;
  beforeEach(() => (now = 1_000));

  it('admits one second worth of requests, then answers busy until the bucket refills', async () => {
    const limiter = new BusyLimiter(clock);
    limiter.set([{ kind: 'hsm-busy', opsPerSecond: 2, faultId: 'busy-1', seed: 0 }]);
    limiter.admit('encrypt');
    limiter.admit('encrypt');
    const error = await expectNodeError(() => limiter.admit('encrypt'), HSM_BUSY_CODE);
    expect(error.message).to.match(/^The HSM is busy: /);
    now += 500;
    limiter.admit('decrypt');
    await expectNodeError(() => limiter.admit('decrypt'), HSM_BUSY_CODE);
  });

  it('is inactive with no fault, and wraps only the operations it is given', async () => {
    const limiter = new BusyLimiter(clock);
    expect(limiter.active).to.equal(false);
    limiter.set([{ kind: 'hsm-busy', opsPerSecond: 0, faultId: 'busy-1', seed: 0 }]);
    const handlers = withBusyLimiter({ login: () => 'in', encrypt: () => 'sealed' }, limiter, ['encrypt']);
    const context = { connectionId: 'c-1', sourceAddress: '127.0.0.1' };
    expect(handlers.login!(context, {})).to.equal('in');
    await expectNodeError(() => handlers.encrypt!(context, {}), HSM_BUSY_CODE);
    limiter.set([]);
    expect(handlers.encrypt!(context, {})).to.equal('sealed');
  });
});
