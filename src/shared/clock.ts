// Time as a port, so tests and the scheduler can run on a manual clock.

export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
