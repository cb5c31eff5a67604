// What differs between awsJson and EC2 query: how a request names its operation and carries its input,
// and how answers and errors are written. The pipeline around it is one (request-dispatcher.ts).

import type { AwsException } from '../shared/aws-exception';
import type { Violation } from './input-validator';
import type { OperationModel } from './service-model';
import type { RegisteredService } from './service-registry';
import type { AuthFailureReason } from './sigv4-authorization';
import type { WireRequest, WireResponse, WireStructure } from './wire.types';

/** aws-behaviour 1.3 simulator rule: every client fault is a 400, every server fault a 500, unless the exception says otherwise. */
export function statusOf(error: AwsException): number {
  return error.httpStatus ?? (error.fault === 'server' ? 500 : 400);
}

export interface ParsedCall {
  readonly service: RegisteredService;
  readonly operation: OperationModel;
  /** Throws the protocol's AwsException when the input does not fit the shape's types. */
  decodeInput(): WireStructure;
}

export interface ProtocolCodec {
  /** Throws the protocol's AwsException when the request names no served operation. */
  parse(request: WireRequest): ParsedCall;
  invalidInput(violations: readonly Violation[]): AwsException;
  /** A modelled operation without a handler. */
  notSimulated(operation: string): AwsException;
  authFailure(reason: AuthFailureReason, message: string): AwsException;
  bodyTooLarge(limit: number): AwsException;
  /** The generic answer to an unexpected error: never its message or stack. */
  internalFailure(): AwsException;
  success(call: ParsedCall, output: unknown, requestId: string): WireResponse;
  failure(error: AwsException, requestId: string, service: RegisteredService | undefined): WireResponse;
}
