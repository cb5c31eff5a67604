// A /_sim/faults request the simulator cannot carry out: the status to answer and a message that says
// what is valid. (The /_sim/ routes are the simulator's own, so no AWS exception name applies.)

export class FaultRequestError extends Error {
  override readonly name = 'FaultRequestError';

  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
