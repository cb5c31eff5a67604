// The simulated clock of waiting periods (deletion windows, backup purges and retention, the daily
// backup): real time plus an offset that an experiment moves forward with advance(). A task set with at()
// runs when real time reaches it or when advance() moves past it; tasks run one at a time, in due order,
// ties in the order they were set. Provisioning durations stay on the scaled scheduler (scheduler.ts).

import type { AlarmClock, Clock } from './clock';
import type { ClockOffsetRepository } from './clock-offset.repository';

/** Node fires longer setTimeout delays after 1 ms: the one real timer waits at most this long, then looks again. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Task = () => Promise<void> | void;

interface Alarm {
  readonly dueMs: number;
  readonly task: Task;
}

export class SimulatedClock implements AlarmClock {
  private offsetMs: number;
  /** Sorted by due time; equal times keep the order they were set in. */
  private readonly alarms: Alarm[] = [];
  private fired = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Every firing and every advance runs on this one chain, so no two tasks ever overlap. */
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly base: Clock,
    private readonly offsets?: ClockOffsetRepository,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.offsetMs = offsets?.load() ?? 0;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** How far simulated time runs ahead of the base (real) clock, in milliseconds. */
  offset(): number {
    return this.offsetMs;
  }

  at(when: Date, task: Task): void {
    if (this.stopped) return;
    const dueMs = when.getTime();
    const index = this.alarms.findIndex((alarm) => alarm.dueMs > dueMs);
    this.alarms.splice(index < 0 ? this.alarms.length : index, 0, { dueMs, task });
    this.arm();
  }

  /**
   * Moves simulated time `ms` ahead. Every task that falls due on the way runs at its own moment (now()
   * reads its due time while it runs) and is awaited before the next; resolves with how many ran.
   */
  advance(ms: number): Promise<number> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new RangeError(`advance takes a finite number of milliseconds >= 0, not ${ms}`));
    return this.enqueue(async () => {
      const target = this.nowMs() + ms;
      const before = this.fired;
      for (let next = this.alarms[0]; next && next.dueMs <= target && !this.stopped; next = this.alarms[0]) {
        if (next.dueMs > this.nowMs()) this.moveTo(next.dueMs);
        this.alarms.shift();
        await this.fire(next);
      }
      if (target > this.nowMs()) this.moveTo(target);
      return this.fired - before;
    });
  }

  /** Resolves once no task is running and none is due (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.isDue()) void this.fireDue();
      const chain = this.chain;
      await chain;
      if (chain === this.chain && !this.isDue()) return;
    }
  }

  /** Drops every pending task and the real timer; resolves when the task running now, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.alarms.length = 0;
    this.arm();
    await this.chain;
  }

  private nowMs(): number {
    return this.base.now().getTime() + this.offsetMs;
  }

  private moveTo(simulatedMs: number): void {
    this.offsetMs = simulatedMs - this.base.now().getTime();
    this.offsets?.save(this.offsetMs);
  }

  private isDue(): boolean {
    const next = this.alarms[0];
    return next !== undefined && next.dueMs <= this.nowMs();
  }

  private fireDue(): Promise<void> {
    return this.enqueue(async () => {
      while (this.isDue()) await this.fire(this.alarms.shift()!);
    });
  }

  private async fire(alarm: Alarm): Promise<void> {
    this.fired += 1;
    try {
      await alarm.task();
    } catch (error) {
      this.onError(error);
    }
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work).finally(() => this.arm());
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** One real timer, for the earliest task; set again after every change. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.alarms[0];
    if (!next || this.stopped) return;
    const delay = Math.min(Math.max(0, next.dueMs - this.nowMs()), MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fireDue();
    }, delay);
    this.timer.unref();
  }
}
