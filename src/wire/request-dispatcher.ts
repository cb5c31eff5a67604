// One pipeline for every AWS request, whatever the protocol: name the operation, authenticate, find the
// handler, decode and validate the input, call, encode. AwsExceptions become the protocol's error; anything
// else is an internal error, reported to a hook and answered generically (no message, no stack).

import { AwsException } from '../shared/aws-exception';
import type { AdminRouteHandler, AdminRouter } from './admin-router';
import { ADMIN_TOKEN_REQUIRED_MESSAGE, carriesAdminToken } from './admin-token.guard';
import { Ec2QueryProtocolCodec, FORM_CONTENT_TYPE } from './ec2-query-protocol.codec';
import { validateInput } from './input-validator';
import { JsonProtocolCodec } from './json-protocol.codec';
import { type ProtocolCodec, statusOf } from './protocol-codec';
import type { Caller, RequestAuthenticator } from './request-authenticator';
import type { RegisteredService, ServiceRegistry } from './service-registry';
import { AuthenticationError } from './sigv4-authorization';
import { InternalFailure, SerializationException } from './wire.errors';
import type { RequestContext, WireRequest, WireResponse, WireStructure } from './wire.types';

/** What is known of a request for logs: everything of RequestContext once the operation is identified. */
export interface RequestLogContext extends Partial<Omit<RequestContext, 'requestId'>> {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  /** The `__type` of an error answer (the exception's name); absent on success. */
  readonly errorCode?: string;
}

export type InternalErrorHook = (error: unknown, context: RequestLogContext) => void;

/**
 * What an answered AWS request carried, for listeners that record calls (CloudTrail). Kept apart from
 * RequestLogContext on purpose: the input may hold secrets, and the log context goes to logs as it is.
 */
export interface AnsweredExchange {
  /** The decoded input, once it passed the model's validation. */
  readonly input?: WireStructure;
  /** What the handler returned, on success. */
  readonly output?: unknown;
  /** The error answer's message. */
  readonly errorMessage?: string;
  /** The client's address (the endpoint fills it in). */
  readonly sourceIpAddress?: string;
  readonly userAgent?: string;
}

export interface Dispatched {
  readonly response: WireResponse;
  readonly context: RequestLogContext;
  readonly exchange?: AnsweredExchange;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function jsonResponse(status: number, body: unknown, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}

export class RequestDispatcher {
  private readonly jsonCodec: JsonProtocolCodec;
  private readonly ec2Codec: Ec2QueryProtocolCodec;

  constructor(
    registry: ServiceRegistry,
    private readonly router: AdminRouter,
    private readonly authenticator: RequestAuthenticator,
    private readonly onInternalError: InternalErrorHook,
    /** When set, admin routes answer 401 to requests without it. */
    private readonly adminToken?: string,
  ) {
    this.jsonCodec = new JsonProtocolCodec(registry);
    this.ec2Codec = new Ec2QueryProtocolCodec(registry);
  }

  /** X-Amz-Target names an awsJson operation; a form body is EC2 query; anything else is answered as awsJson. */
  private codecFor(request: Pick<WireRequest, 'headers'>): ProtocolCodec {
    if (request.headers['x-amz-target'] !== undefined) return this.jsonCodec;
    return (request.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_CONTENT_TYPE) ? this.ec2Codec : this.jsonCodec;
  }

  /** The answer to a body over the size limit, in the protocol the request speaks. */
  tooLarge(request: Omit<WireRequest, 'body'>, requestId: string, limit: number): Dispatched {
    const codec = this.codecFor(request);
    return { response: codec.failure(codec.bodyTooLarge(limit), requestId, undefined), context: { requestId, method: request.method, path: request.path } };
  }

  async dispatch(request: WireRequest, requestId: string): Promise<Dispatched> {
    const log: Writable<RequestLogContext> = { requestId, method: request.method, path: request.path };
    const admin = this.router.find(request.method, request.path);
    if (admin !== undefined) {
      if (!carriesAdminToken(request.headers, this.adminToken)) return { response: jsonResponse(401, { __type: 'UnauthorizedException', message: ADMIN_TOKEN_REQUIRED_MESSAGE }, requestId), context: log };
      return { response: await this.admin(admin, request, log), context: log };
    }
    const codec = this.codecFor(request);
    let service: RegisteredService | undefined;
    const exchange: Writable<AnsweredExchange> = { ...(request.headers['user-agent'] !== undefined ? { userAgent: request.headers['user-agent'] } : {}) };
    try {
      const call = codec.parse(request);
      service = call.service;
      const { signingName } = service.model.metadata;
      const operation = call.operation.name;
      Object.assign(log, { service: signingName, operation });
      const caller = this.authenticate(codec, request, signingName);
      Object.assign(log, caller);
      const handler = service.handlers.get(operation);
      if (handler === undefined) throw codec.notSimulated(operation);
      const input = call.decodeInput();
      const violations = call.operation.input === undefined ? [] : validateInput(call.operation.input, input);
      if (violations.length > 0) throw codec.invalidInput(violations);
      exchange.input = input;
      const context: RequestContext = { requestId, ...caller, service: signingName, operation };
      // The validator has checked the input against the model; the handler's declared input type is the model's.
      const output = await (handler as (input: WireStructure, context: RequestContext) => unknown)(input, context);
      const response = codec.success(call, output, requestId);
      exchange.output = output;
      return { response, context: log, exchange };
    } catch (error) {
      if (error instanceof AwsException) {
        return { response: codec.failure(error, requestId, service), context: { ...log, errorCode: error.name }, exchange: { ...exchange, errorMessage: error.message } };
      }
      this.onInternalError(error, log);
      const failure = codec.internalFailure();
      return { response: codec.failure(failure, requestId, service), context: { ...log, errorCode: failure.name }, exchange: { ...exchange, errorMessage: failure.message } };
    }
  }

  private authenticate(codec: ProtocolCodec, request: WireRequest, signingName: string): Caller {
    try {
      return this.authenticator.authenticate(request, signingName);
    } catch (error) {
      if (error instanceof AuthenticationError) throw codec.authFailure(error.reason, error.message);
      throw error;
    }
  }

  private async admin(handler: AdminRouteHandler, request: WireRequest, log: RequestLogContext): Promise<WireResponse> {
    try {
      const text = request.body.toString('utf8');
      let body: unknown;
      try {
        body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        throw new SerializationException('The request body is not valid JSON.');
      }
      const answer = await handler({ method: request.method, path: request.path, query: new URLSearchParams(request.query), body });
      if (answer.text) {
        const { contentType, content } = answer.text;
        return { status: answer.status ?? 200, headers: { 'content-type': contentType, 'x-amzn-requestid': log.requestId }, body: content };
      }
      return jsonResponse(answer.status ?? 200, answer.body ?? {}, log.requestId);
    } catch (error) {
      if (!(error instanceof AwsException)) this.onInternalError(error, log);
      const failure = error instanceof AwsException ? error : new InternalFailure('The request processing has failed because of an unknown error, exception or failure.');
      return jsonResponse(statusOf(failure), { __type: failure.name, message: failure.message }, log.requestId);
    }
  }
}
