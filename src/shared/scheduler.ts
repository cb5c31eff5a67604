// Long AWS transitions (CREATE_IN_PROGRESS, INITIALIZE_IN_PROGRESS, ...) finish through the scheduler.
// Time scale 0 runs them on the next turn (tests); 1 takes AWS-like durations (teaching).

export interface Scheduler {
  /** Runs `task` after `awsDurationMs` scaled by the time scale; errors go to the onError hook. */
  after(awsDurationMs: number, task: () => Promise<void> | void): void;
  /** Resolves when no task is pending (tests, shutdown). */
  idle(): Promise<void>;
}

/** Node fires longer setTimeout delays after 1 ms; longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function waitThen(delayMs: number, task: () => void): void {
  const step = Math.min(delayMs, MAX_TIMER_MS);
  setTimeout(() => (delayMs > step ? waitThen(delayMs - step, task) : task()), step).unref();
}

export class ScaledScheduler implements Scheduler {
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly timeScale: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  after(awsDurationMs: number, task: () => Promise<void> | void): void {
    this.pending += 1;
    const delay = Math.round(awsDurationMs * this.timeScale);
    const run = async (): Promise<void> => {
      try {
        await task();
      } catch (error) {
        this.onError(error);
      } finally {
        this.pending -= 1;
        if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    };
    if (delay <= 0) setImmediate(() => void run());
    else waitThen(delay, () => void run());
  }

  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
