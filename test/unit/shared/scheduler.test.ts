import { expect } from 'chai';
import { ScaledScheduler } from '../../../src/shared/scheduler';

describe('scaled scheduler', () => {
  it('runs tasks on the next turn at time scale 0, and reports idle after', async () => {
    const ran: string[] = [];
    const scheduler = new ScaledScheduler(0, () => undefined);
    scheduler.after(60_000, () => void ran.push('a'));
    scheduler.after(30 * 24 * 60 * 60_000, () => void ran.push('b'));
    expect(ran).to.deep.equal([]);
    await scheduler.idle();
    expect(ran.sort()).to.deep.equal(['a', 'b']);
  });

  it('waits the scaled duration, and a wait past the 24.8-day timer limit is not cut short', async () => {
    const ran: string[] = [];
    const scheduler = new ScaledScheduler(1, () => undefined);
    scheduler.after(20, () => void ran.push('soon'));
    scheduler.after(30 * 24 * 60 * 60_000, () => void ran.push('in 30 days'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ran).to.deep.equal(['soon']);
  });

  it('hands a failing task to the error hook and goes on', async () => {
    const errors: unknown[] = [];
    const scheduler = new ScaledScheduler(0, (error) => errors.push(error));
    scheduler.after(0, () => {
      throw new Error('boom');
    });
    await scheduler.idle();
    expect(errors).to.have.length(1);
  });
});
