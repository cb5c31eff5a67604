// The one HTTP server the AWS clients talk to (`--endpoint-url`): awsJson services by X-Amz-Target, EC2 by
// form body, and /_sim/ admin routes, on one host and port with keep-alive.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonLinesLogger } from '../shared/logger';
import { ADMIN_PREFIX, type AdminRouteHandler, AdminRouter, type TakeOverHandler } from './admin-router';
import { type AuthenticationOptions, RequestAuthenticator } from './request-authenticator';
import { type AnsweredExchange, type InternalErrorHook, RequestDispatcher, type RequestLogContext } from './request-dispatcher';
import type { ServiceModel } from './service-model';
import { ServiceRegistry } from './service-registry';
import type { OperationHandlers, WireResponse } from './wire.types';

/** SIM: AWS's request size limits differ per service; 1 MiB is above every request these models can make. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Longer than SDK connection pools keep idle sockets, so clients, not the server, end idle connections. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** SIM: AWS publishes no connection limit for its endpoints; this bounds the file descriptors one client can hold. */
export const DEFAULT_MAX_CONNECTIONS = 1000;
/** SIM: a connection that sends no complete header block in this time (one that never speaks included) gets 408 and is closed. */
export const DEFAULT_HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1000;
/** SIM: a whole request (headers and body) must arrive within this time. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export interface AwsEndpointOptions extends AuthenticationOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port, which listen() returns. */
  readonly port?: number;
  /** Larger bodies are answered with 413 in the request's protocol. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Default: a random UUID per request. */
  readonly requestId?: () => string;
  /** Called for every error that is not an AwsException; the client gets a generic 500. Default: a log line on stderr. */
  readonly onInternalError?: InternalErrorHook;
  /** Called once per answered request. */
  readonly logRequest?: (context: RequestLogContext, status: number, durationMs: number) => void;
  /** Connections held at once; more are closed as they arrive. Default 1,000. */
  readonly maxConnections?: number;
  /** Default 66 s. */
  readonly headersTimeoutMs?: number;
  /** Default 120 s. */
  readonly requestTimeoutMs?: number;
  /** How often the timeouts above are checked; default Node's 30 s (tests set less). */
  readonly connectionsCheckingIntervalMs?: number;
  /** When set, /_sim/ admin routes need `Authorization: Bearer TOKEN` or `X-Sim-Admin-Token: TOKEN`. */
  readonly adminToken?: string;
}

type Body = { readonly bytes: Buffer } | { readonly tooLarge: true };

/** Told of every answered request; `exchange` (AWS requests only) carries the input and output, which may hold secrets. */
export type AnsweredListener = (context: RequestLogContext, status: number, exchange: AnsweredExchange) => void;

/** Lower-case names; repeated headers joined with commas, as SigV4 canonicalises them. */
function headersOf(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]},${value}` : value;
  }
  return headers;
}

function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) {
      resolve({ tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        resolve({ tooLarge: true });
      } else {
        chunks.push(chunk);
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve({ bytes: Buffer.concat(chunks, size) }));
    request.on('error', reject);
  });
}

function logInternalError(error: unknown, context: RequestLogContext): void {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  new JsonLinesLogger('error').log('error', 'internal error', { ...context, error: detail });
}

export class AwsEndpoint {
  private readonly registry = new ServiceRegistry();
  private readonly router = new AdminRouter();
  private readonly dispatcher: RequestDispatcher;
  private readonly server: Server;
  private readonly maxBodyBytes: number;
  private readonly newRequestId: () => string;
  private readonly onInternalError: InternalErrorHook;
  private readonly takeOvers: { readonly pathPrefix: string; readonly handler: TakeOverHandler }[] = [];
  private readonly answeredListeners: AnsweredListener[] = [];

  constructor(private readonly options: AwsEndpointOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.newRequestId = options.requestId ?? randomUUID;
    this.onInternalError = (error, context) => {
      try {
        (options.onInternalError ?? logInternalError)(error, context);
      } catch {
        // A failing hook must not turn one failed request into a crashed server.
      }
    };
    this.dispatcher = new RequestDispatcher(this.registry, this.router, new RequestAuthenticator(options), this.onInternalError, options.adminToken);
    this.server = createServer(
      {
        headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
        requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        ...(options.connectionsCheckingIntervalMs === undefined ? {} : { connectionsCheckingInterval: options.connectionsCheckingIntervalMs }),
      },
      (request, response) => this.serve(request, response),
    );
    this.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    this.server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  }

  /** Serve a service: `handlers` by operation name; modelled operations without one answer "not simulated yet". */
  register(model: ServiceModel, handlers: OperationHandlers): void {
    this.registry.register(model, handlers);
  }

  /** A plain JSON route under /_sim/ (method and path prefix; the longest matching prefix wins). */
  route(method: string, pathPrefix: string, handler: AdminRouteHandler): void {
    this.router.add(method, pathPrefix, handler);
  }

  /**
   * A GET route under /_sim/ that takes over the response (Server-Sent Events): the handler gets the raw
   * request and response as soon as the head arrives; close() ends its connection with all others.
   */
  takeOver(pathPrefix: string, handler: TakeOverHandler): void {
    if (!pathPrefix.startsWith(ADMIN_PREFIX)) throw new Error(`admin routes live under ${ADMIN_PREFIX}, not ${pathPrefix}`);
    this.takeOvers.push({ pathPrefix, handler });
    this.takeOvers.sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
  }

  /** Hears every answered request (AWS and admin alike) after its answer is written. */
  onAnswered(listener: AnsweredListener): void {
    this.answeredListeners.push(listener);
  }

  /** Resolves with the port listened on (useful with port 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops listening and ends every connection, idle keep-alive ones included. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close((error) => (error === undefined ? resolve() : reject(error)));
      this.server.closeAllConnections();
    });
  }

  private serve(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const requestId = this.newRequestId();
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const head = {
      method: request.method ?? 'GET',
      path: queryAt < 0 ? url : url.slice(0, queryAt),
      query: queryAt < 0 ? '' : url.slice(queryAt + 1),
      headers: headersOf(request.rawHeaders),
    };
    const takeOver = this.takeOverFor(head.method, head.path);
    if (takeOver) {
      takeOver(request, response);
      return;
    }
    readBody(request, this.maxBodyBytes)
      .then(async (body) => {
        const tooLarge = !('bytes' in body);
        const { response: answer, context, exchange } = tooLarge
          ? this.dispatcher.tooLarge(head, requestId, this.maxBodyBytes)
          : await this.dispatcher.dispatch({ ...head, body: body.bytes }, requestId);
        // The rest of an oversized body is never read: the connection cannot carry another request.
        write(response, answer, tooLarge);
        const sourceIpAddress = request.socket.remoteAddress;
        this.log(context, answer.status, performance.now() - started, { ...exchange, ...(sourceIpAddress ? { sourceIpAddress } : {}) });
      })
      .catch((error: unknown) => {
        // Only a client that went away mid-body gets here; there is nobody left to answer.
        response.destroy(error instanceof Error ? error : undefined);
      });
  }

  private log(context: RequestLogContext, status: number, durationMs: number, exchange: AnsweredExchange): void {
    try {
      this.options.logRequest?.(context, status, durationMs);
      for (const listener of this.answeredListeners) listener(context, status, exchange);
    } catch (error) {
      this.onInternalError(error, context);
    }
  }

  private takeOverFor(method: string, path: string): TakeOverHandler | undefined {
    if (method !== 'GET') return undefined;
    return this.takeOvers.find((route) => path.startsWith(route.pathPrefix))?.handler;
  }
}

function write(response: ServerResponse, answer: WireResponse, closeConnection: boolean): void {
  if (response.destroyed) return;
  const headers: Record<string, string | number> = { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) };
  if (closeConnection) headers['connection'] = 'close';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
