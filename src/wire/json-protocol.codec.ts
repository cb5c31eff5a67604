// awsJson1_1 (aws-behaviour 1.1-1.3): `POST /` with `X-Amz-Target: <targetPrefix>.<Operation>` and a JSON
// body; answers 200 `application/x-amz-json-1.1`, errors `{"__type": name, "message"|"Message": text}` with
// 400 for client faults, 500 for server faults, or the exception's own status (503 DependencyTimeout).

import type { AwsException } from '../shared/aws-exception';
import type { Violation } from './input-validator';
import { decodeJsonInput } from './json-input.decoder';
import { encodeJsonOutput } from './json-output.encoder';
import { type ParsedCall, type ProtocolCodec, statusOf } from './protocol-codec';
import type { RegisteredService, ServiceRegistry } from './service-registry';
import type { AuthFailureReason } from './sigv4-authorization';
import { validationMessage } from './validation-message';
import {
  IncompleteSignatureException,
  InternalFailure,
  ExpiredTokenException,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  RequestEntityTooLargeException,
  UnknownOperationException,
  UnrecognizedClientException,
  UnsupportedOperationException,
  ValidationException,
} from './wire.errors';
import type { WireRequest, WireResponse } from './wire.types';

const AMZ_JSON_1_1 = 'application/x-amz-json-1.1';

export class JsonProtocolCodec implements ProtocolCodec {
  constructor(private readonly registry: ServiceRegistry) {}

  parse(request: WireRequest): ParsedCall {
    const target = request.headers['x-amz-target'] ?? '';
    // SIM: AWS fronts answer other methods and paths in their own ways; one 400 in awsJson shape here.
    if (request.method !== 'POST' || request.path !== '/') {
      throw new UnknownOperationException(`${request.method} ${request.path} is not an operation: awsJson requests are POST /.`);
    }
    // The operation follows the last dot: CloudTrail's prefix has dots of its own (com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101).
    const dot = target.lastIndexOf('.');
    const service = dot < 0 ? undefined : this.registry.json(target.slice(0, dot));
    const operation = service?.model.operation(target.slice(dot + 1));
    if (service === undefined || operation === undefined) {
      throw new UnknownOperationException(target === '' ? 'The request has no X-Amz-Target header.' : `Unknown operation ${target}.`);
    }
    return { service, operation, decodeInput: () => decodeJsonInput(operation.input, request.body) };
  }

  invalidInput(violations: readonly Violation[]): AwsException {
    return new ValidationException(validationMessage(violations));
  }

  notSimulated(operation: string): AwsException {
    // SIM: AWS implements every modelled operation; a client error naming the gap is clearer than a 5xx.
    return new UnsupportedOperationException(`${operation} is not simulated by cloudhsm-sim yet.`);
  }

  authFailure(reason: AuthFailureReason, message: string): AwsException {
    switch (reason) {
      case 'missing':
        return new MissingAuthenticationTokenException(message);
      case 'incomplete':
        return new IncompleteSignatureException(message);
      case 'unrecognized':
        return new UnrecognizedClientException(message);
      case 'mismatch':
      case 'expired':
        return new InvalidSignatureException(message);
      case 'token-expired':
        return new ExpiredTokenException(message);
    }
  }

  bodyTooLarge(limit: number): AwsException {
    return new RequestEntityTooLargeException(`The request body exceeds ${limit} bytes.`);
  }

  internalFailure(): AwsException {
    return new InternalFailure('The request processing has failed because of an unknown error, exception or failure.');
  }

  success(call: ParsedCall, output: unknown, requestId: string): WireResponse {
    return { status: 200, headers: { 'content-type': AMZ_JSON_1_1, 'x-amzn-requestid': requestId }, body: encodeJsonOutput(call.operation.output, output) };
  }

  failure(error: AwsException, requestId: string, service: RegisteredService | undefined): WireResponse {
    const messageMember = service?.model.messageMember(error.name) ?? 'message';
    return {
      status: statusOf(error),
      headers: { 'content-type': AMZ_JSON_1_1, 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.name },
      body: JSON.stringify({ __type: error.name, [messageMember]: error.message }),
    };
  }
}
