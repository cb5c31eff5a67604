// Time as a port, so tests and the scheduler can run on a manual clock.

export interface Clock {
  now(): Date;
}

/** A clock that also wakes tasks at moments of its own time: waiting periods (deletion windows, backup retention). */
export interface AlarmClock extends Clock {
  /** Runs `task` once this clock reaches `when`; a moment already past runs on a later turn. Errors go to the clock's error hook. */
  at(when: Date, task: () => Promise<void> | void): void;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
