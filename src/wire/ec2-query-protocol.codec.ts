// The EC2 query protocol (EC2 API Reference, "Making API requests using the Query protocol"): `POST /`
// with a form body `Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=...`; answers XML, errors
// `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`. The Code is the
// AwsException's name, so EC2 services declare exceptions named like `InvalidSubnetID.NotFound`.

import type { AwsException } from '../shared/aws-exception';
import type { PathStep, Violation } from './input-validator';
import { type ParsedCall, type ProtocolCodec, statusOf } from './protocol-codec';
import { decodeQueryInput, queryName } from './query-input.decoder';
import type { ServiceRegistry } from './service-registry';
import type { AuthFailureReason } from './sigv4-authorization';
import { renderValue } from './validation-message';
import {
  AuthFailure,
  IncompleteSignature,
  InternalError,
  InvalidAction,
  InvalidParameterValue,
  MissingAuthenticationToken,
  MissingParameter,
  RequestEntityTooLarge,
  RequestExpired,
  UnsupportedOperation,
} from './wire.errors';
import { XML_DECLARATION, element, encodeXmlOutput, escapeXml } from './xml-output.encoder';
import type { WireRequest, WireResponse } from './wire.types';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

/** The query parameter path of a violation: `Filter.1.Name`. */
function queryPath(path: readonly PathStep[]): string {
  return path.map((step) => ('member' in step ? queryName(step.member) : 'index' in step ? String(step.index + 1) : step.key)).join('.');
}

export class Ec2QueryProtocolCodec implements ProtocolCodec {
  constructor(private readonly registry: ServiceRegistry) {}

  parse(request: WireRequest): ParsedCall {
    if (request.method !== 'POST' || request.path !== '/') {
      throw new InvalidAction(`${request.method} ${request.path} is not valid for this web service: EC2 query requests are POST /.`);
    }
    const parameters = new Map(new URLSearchParams(request.body.toString('utf8')));
    const action = parameters.get('Action');
    if (action === undefined) throw new MissingParameter('The request must contain the parameter Action');
    const service = this.registry.ec2;
    const operation = service?.model.operation(action);
    if (service === undefined || operation === undefined) throw new InvalidAction(`The action ${action} is not valid for this web service.`);
    if (!parameters.has('Version')) throw new MissingParameter('The request must contain the parameter Version');
    parameters.delete('Action');
    parameters.delete('Version');
    return { service, operation, decodeInput: () => decodeQueryInput(operation.input, parameters) };
  }

  /** EC2 reports one problem per request: the first. */
  invalidInput(violations: readonly Violation[]): AwsException {
    // SIM: EC2 words constraint failures per parameter; the model's constraint text stands in for it.
    const [first] = violations as [Violation, ...Violation[]];
    const parameter = queryPath(first.path);
    if (first.value === undefined) return new MissingParameter(`The request must contain the parameter ${parameter}`);
    const value = first.shape.sensitive ? '' : renderValue(first.shape, first.value);
    return new InvalidParameterValue(`Value (${value}) for parameter ${parameter} is invalid. ${first.constraint}`);
  }

  notSimulated(operation: string): AwsException {
    // SIM: see JsonProtocolCodec.notSimulated; EC2's own code for an unsupported request.
    return new UnsupportedOperation(`${operation} is not simulated by cloudhsm-sim yet.`);
  }

  authFailure(reason: AuthFailureReason, message: string): AwsException {
    // SIM: EC2's own auth codes (AuthFailure, RequestExpired, ...); the statuses follow common observation.
    switch (reason) {
      case 'missing':
        return new MissingAuthenticationToken('The request must contain either a valid (registered) AWS access key ID or X.509 certificate.');
      case 'incomplete':
        return new IncompleteSignature(message);
      case 'expired':
        return new RequestExpired(`Request has expired. ${message}`);
      case 'token-expired':
        return new RequestExpired('Request has expired.');
      case 'unrecognized':
      case 'mismatch':
        return new AuthFailure('AWS was not able to validate the provided access credentials');
    }
  }

  bodyTooLarge(limit: number): AwsException {
    return new RequestEntityTooLarge(`The request body exceeds ${limit} bytes.`);
  }

  internalFailure(): AwsException {
    return new InternalError('An internal error has occurred');
  }

  success(call: ParsedCall, output: unknown, requestId: string): WireResponse {
    const { model } = call.service;
    const body = encodeXmlOutput(call.operation.name, model.metadata.xmlNamespace ?? '', requestId, call.operation.output, output);
    return { status: 200, headers: { 'content-type': XML_CONTENT_TYPE }, body };
  }

  failure(error: AwsException, requestId: string): WireResponse {
    const detail = element('Code', escapeXml(error.name)) + element('Message', escapeXml(error.message));
    const body = `${XML_DECLARATION}${element('Response', element('Errors', element('Error', detail)) + element('RequestID', escapeXml(requestId)))}`;
    return { status: statusOf(error), headers: { 'content-type': XML_CONTENT_TYPE }, body };
  }
}
