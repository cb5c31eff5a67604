// The simulated clock: real time plus an offset; tasks fire in due order when real time reaches them or
// when advance() moves past them; the offset survives a restart through its repository.

import { expect } from 'chai';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';
import { SqliteClockOffsetRepository } from '../../../src/adapters/sqlite/sqlite-clock-offset.repository';
import { SystemClock } from '../../../src/shared/clock';
import { SimulatedClock } from '../../../src/shared/simulated-clock';
import { ManualClock } from '../../support/manual-clock';

const DAY = 24 * 60 * 60_000;

describe('simulated clock', () => {
  let base: ManualClock;
  let clock: SimulatedClock;
  let errors: unknown[];

  beforeEach(() => {
    base = new ManualClock();
    errors = [];
    clock = new SimulatedClock(base, undefined, (error) => errors.push(error));
  });
  afterEach(() => clock.stop());

  const later = (ms: number): Date => new Date(clock.now().getTime() + ms);

  it('reads real time plus its offset, and advance moves only the offset', async () => {
    const start = clock.now().getTime();
    expect(start).to.equal(base.now().getTime());
    await clock.advance(7 * DAY);
    expect(clock.now().getTime()).to.equal(start + 7 * DAY);
    expect(clock.offset()).to.equal(7 * DAY);
    base.advance(1000);
    expect(clock.now().getTime()).to.equal(start + 7 * DAY + 1000);
  });

  it('fires, on advance, what falls due in the span, in due order (ties in the order set), each at its own moment', async () => {
    const ran: [string, number][] = [];
    const start = clock.now().getTime();
    const record = (name: string) => () => void ran.push([name, clock.now().getTime() - start]);
    clock.at(later(3 * DAY), record('day 3'));
    clock.at(later(DAY), record('day 1, first'));
    clock.at(later(40 * DAY), record('day 40'));
    clock.at(later(DAY), record('day 1, second'));

    expect(await clock.advance(3 * DAY)).to.equal(3);
    expect(ran).to.deep.equal([
      ['day 1, first', DAY],
      ['day 1, second', DAY],
      ['day 3', 3 * DAY],
    ]);
    expect(clock.now().getTime()).to.equal(start + 3 * DAY);
    expect(await clock.advance(37 * DAY - 1)).to.equal(0);
    expect(await clock.advance(1)).to.equal(1);
    expect(ran.at(-1)).to.deep.equal(['day 40', 40 * DAY]);
  });

  it('awaits each async task before the next, and fires tasks set by a task within the same span', async () => {
    const ran: string[] = [];
    clock.at(later(DAY), async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      ran.push('slow, day 1');
      clock.at(later(DAY), () => void ran.push('set by it, day 2'));
    });
    clock.at(later(DAY + 1), () => void ran.push('day 1 + 1 ms'));
    expect(await clock.advance(2 * DAY)).to.equal(3);
    expect(ran).to.deep.equal(['slow, day 1', 'day 1 + 1 ms', 'set by it, day 2']);
  });

  it('fires a task whose moment is already past on a later turn, and idle() waits for it', async () => {
    const ran: string[] = [];
    clock.at(later(-DAY), () => void ran.push('overdue'));
    expect(ran).to.deep.equal([]);
    await clock.idle();
    expect(ran).to.deep.equal(['overdue']);
  });

  it('hands a failing task to the error hook and goes on', async () => {
    const ran: string[] = [];
    clock.at(later(1), () => {
      throw new Error('boom');
    });
    clock.at(later(2), () => void ran.push('after'));
    expect(await clock.advance(2)).to.equal(2);
    expect(errors).to.have.length(1);
    expect(ran).to.deep.equal(['after']);
  });

  it('refuses a negative or endless advance and changes nothing', async () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      let failure: unknown;
      await clock.advance(bad).catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(RangeError);
    }
    expect(clock.offset()).to.equal(0);
  });

  it('drops pending tasks on stop', async () => {
    const ran: string[] = [];
    clock.at(later(DAY), () => void ran.push('never'));
    await clock.stop();
    await clock.advance(2 * DAY);
    expect(ran).to.deep.equal([]);
  });

  describe('on the real clock', () => {
    let real: SimulatedClock;

    beforeEach(() => {
      real = new SimulatedClock(new SystemClock());
    });
    afterEach(() => real.stop());

    it('fires a task when real time reaches it, and a wait past the 24.8-day timer limit is not cut short', async () => {
      const ran: string[] = [];
      real.at(new Date(Date.now() + 20), () => void ran.push('soon'));
      real.at(new Date(Date.now() + 30 * DAY), () => void ran.push('in 30 days'));
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(ran).to.deep.equal(['soon']);
      expect(await real.advance(30 * DAY)).to.equal(1);
      expect(ran).to.deep.equal(['soon', 'in 30 days']);
    });
  });

  describe('across a restart', () => {
    it('keeps its offset in the database: advancing, then restarting, never moves time backwards', async () => {
      const database = new SqliteDatabase(IN_MEMORY);
      try {
        const first = new SimulatedClock(base, new SqliteClockOffsetRepository(database));
        await first.advance(7 * DAY);
        const before = first.now().getTime();
        await first.stop();

        base.advance(5000);
        const second = new SimulatedClock(base, new SqliteClockOffsetRepository(database));
        expect(second.offset()).to.equal(7 * DAY);
        expect(second.now().getTime()).to.equal(before + 5000);
        await second.stop();
      } finally {
        database.close();
      }
    });

    it('starts at real time when nothing was saved', () => {
      const database = new SqliteDatabase(IN_MEMORY);
      try {
        expect(new SimulatedClock(base, new SqliteClockOffsetRepository(database)).now()).to.deep.equal(base.now());
      } finally {
        database.close();
      }
    });
  });
});
