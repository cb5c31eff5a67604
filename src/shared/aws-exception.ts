// The base of every AWS-named exception a service throws. Services throw classes named exactly like
// the AWS exception (DESIGN decision 6); only src/wire turns them into a status and an error body.

export type Fault = 'client' | 'server';

export abstract class AwsException extends Error {
  /** Client faults are the caller's to fix (HTTP 400); server faults are ours (500/503). */
  abstract readonly fault: Fault;
  /** The HTTP status when it is not the fault's default (e.g. 503 for DependencyTimeoutException). */
  readonly httpStatus?: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Declares an AWS exception class with the given name and fault, e.g. `awsException('CloudHsmInvalidRequestException')`. */
export function awsException(name: string, fault: Fault = 'client', httpStatus?: number): new (message: string) => AwsException {
  const named = {
    [name]: class extends AwsException {
      readonly fault = fault;
      override readonly httpStatus = httpStatus;
    },
  }[name]!;
  return named;
}
