// One client connection on an RpcServer: decodes its requests and runs them strictly one at a time in
// arrival order (a login finishes before the next request of that connection starts), then reports the
// disconnect once the request that was running has settled.

import { randomUUID } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { SerialQueue } from '../engine/serial-queue';
import type { ConnectionContext } from '../node/node.types';
import { decodeFrameBody, encodeFrame, FrameDecoder } from './frame-codec';
import { FrameWriter } from './frame-writer';
import { isDomainError, toRpcErrorBody } from './rpc-error-body';
import { readRequest, RpcErrorCode, type RpcRequest, type RpcResponse } from './rpc-messages';

export type RpcHandler = (context: ConnectionContext, args: unknown) => unknown;

/** Handlers by operation name; each validates its own `args`. A handler may return a value or a promise. */
export type RpcHandlers = Readonly<Record<string, RpcHandler>>;

export interface RpcConnectionHooks {
  readonly handlers: RpcHandlers;
  /** Runs before the connection's first request. If it fails, the connection is closed. */
  readonly onConnect?: (context: ConnectionContext) => void | Promise<void>;
  /** Runs exactly once per connection, after the request running at the time of the close has settled. */
  readonly onDisconnect?: (context: ConnectionContext) => void | Promise<void>;
  /**
   * Receives what the client is not told: a handler's non-domain error (the client gets only
   * CKR_GENERAL_ERROR and the message), an unencodable result, a failing onConnect or onDisconnect.
   */
  readonly onInternalError?: (error: unknown, context: ConnectionContext) => void;
}

export class RpcServerConnection {
  readonly context: ConnectionContext;
  /** Settles when onDisconnect has run. */
  readonly disconnected: Promise<void>;
  private readonly queue = new SerialQueue();
  private readonly decoder = new FrameDecoder();
  private readonly writer: FrameWriter;
  private closed = false;

  constructor(
    private readonly socket: TLSSocket,
    private readonly hooks: RpcConnectionHooks,
  ) {
    this.context = { connectionId: randomUUID(), sourceAddress: socket.remoteAddress ?? 'unknown' };
    this.writer = new FrameWriter(socket);
    socket.setNoDelay(true);
    // Socket errors (resets, write after the peer left) end in 'close', which is all the server acts on.
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.disconnected = new Promise((resolve) => {
      socket.once('close', () => {
        this.closed = true;
        void this.queue.run(() => this.runHook(this.hooks.onDisconnect)).then(() => resolve());
      });
    });
    void this.queue.run(async () => {
      if (!(await this.runHook(this.hooks.onConnect))) socket.destroy();
    });
  }

  private receive(chunk: Buffer): void {
    let bodies: Buffer[];
    try {
      bodies = this.decoder.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    for (const body of bodies) {
      let message: unknown;
      try {
        message = decodeFrameBody(body);
      } catch {
        this.socket.destroy();
        return;
      }
      const reading = readRequest(message);
      if (reading.valid) {
        const { request } = reading;
        this.enqueue(() => this.dispatch(request));
      } else if (reading.id !== undefined) {
        const { id, reason } = reading;
        this.enqueue(() => ({ id, error: { code: RpcErrorCode.MALFORMED_REQUEST, message: reason } }));
      } else {
        this.socket.destroy();
        return;
      }
    }
  }

  /** Requests still queued when the connection closes are dropped: nobody is left to read their responses. */
  private enqueue(respond: () => Promise<RpcResponse> | RpcResponse): void {
    void this.queue.run(async () => {
      if (this.closed) return;
      this.send(await respond());
    });
  }

  private async dispatch({ id, op, args }: RpcRequest): Promise<RpcResponse> {
    const handler = Object.hasOwn(this.hooks.handlers, op) ? this.hooks.handlers[op] : undefined;
    if (handler === undefined) {
      return { id, error: { code: RpcErrorCode.UNKNOWN_OPERATION, message: `unknown operation: ${op}` } };
    }
    try {
      return { id, result: await handler(this.context, args) };
    } catch (error) {
      if (!isDomainError(error)) this.reportInternalError(error);
      return { id, error: toRpcErrorBody(error) };
    }
  }

  private send(response: RpcResponse): void {
    let frame: Buffer;
    try {
      frame = encodeFrame(response);
    } catch (error) {
      // The result cannot travel (over 16 MiB, a cycle, a BigInt): the call fails instead of the connection.
      this.reportInternalError(error);
      frame = encodeFrame({ id: response.id, error: toRpcErrorBody(error) });
    }
    this.writer.write(frame);
  }

  /** Returns false if the hook failed. */
  private async runHook(hook: ((context: ConnectionContext) => void | Promise<void>) | undefined): Promise<boolean> {
    try {
      await hook?.(this.context);
      return true;
    } catch (error) {
      this.reportInternalError(error);
      return false;
    }
  }

  private reportInternalError(error: unknown): void {
    try {
      this.hooks.onInternalError?.(error, this.context);
    } catch {
      // A failing error reporter must not take the connection down with it.
    }
  }
}
