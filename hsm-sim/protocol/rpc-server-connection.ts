// One client connection on an RpcServer: decodes its requests and runs them strictly one at a time in
// arrival order (a login finishes before the next request of that connection starts), then reports the
// disconnect once the request that was running has settled. With a ConnectionGate (network faults),
// each frame received is passed, dropped, delayed or answered with a TCP reset as the gate says.

import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SerialQueue } from '../engine/serial-queue';
import type { ConnectionContext } from '../node/node.types';
import type { ConnectionGate } from './connection-gate';
import { DelayLine } from './delay-line';
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
  /** Network faults: absent, nothing is ever asked. */
  readonly gate?: ConnectionGate;
}

/** SIM: requests one connection may have waiting before the server stops reading from it. */
export const MAX_PENDING_REQUESTS = 1024;
/** SIM: response bytes a client may leave unread before the server stops reading its requests. */
export const MAX_UNREAD_RESPONSE_BYTES = 1024 * 1024;
/** SIM: a paused connection whose client reads nothing for this long is closed. */
export const STALLED_READER_TIMEOUT_MS = 120_000;

export class RpcServerConnection {
  readonly context: ConnectionContext;
  /** Settles when onDisconnect has run. */
  readonly disconnected: Promise<void>;
  private readonly queue = new SerialQueue();
  private readonly decoder = new FrameDecoder();
  private readonly writer: FrameWriter;
  private closed = false;
  /** Set by a blackhole: nothing more is written. */
  private isStalled = false;
  /** Frames a latency fault holds back; created on first use. */
  private delayed: DelayLine<Buffer> | undefined;
  /** Requests queued and not yet answered: with the unread response bytes, what bounds a connection's memory. */
  private pending = 0;

  /** `raw`: the TCP socket under the TLS one, for resets; the TLS socket itself when it has no other. */
  constructor(
    private readonly socket: TLSSocket,
    private readonly hooks: RpcConnectionHooks,
    private readonly raw: Socket = socket,
  ) {
    this.context = { connectionId: randomUUID(), sourceAddress: socket.remoteAddress ?? 'unknown' };
    this.writer = new FrameWriter(socket);
    socket.setNoDelay(true);
    // Socket errors (resets, write after the peer left) end in 'close', which is all the server acts on.
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A client that pipelines without reading is paused (TCP pushes back on it) until it catches up.
    socket.on('drain', () => this.applyBackpressure());
    // The only timeouts set on a connection's socket (the server's, and the stalled reader's) all end it.
    socket.on('timeout', () => socket.destroy());
    this.disconnected = new Promise((resolve) => {
      socket.once('close', () => {
        this.closed = true;
        this.delayed?.clear();
        void this.queue.run(() => this.runHook(this.hooks.onDisconnect)).then(() => resolve());
      });
    });
    void this.queue.run(async () => {
      if (!(await this.runHook(this.hooks.onConnect))) socket.destroy();
    });
  }

  get stalled(): boolean {
    return this.isStalled;
  }

  /** Blackhole: frames are dropped (the gate says so) and nothing more is written; nothing is closed. */
  stall(): void {
    this.isStalled = true;
  }

  /** A TCP reset, at once. */
  reset(): void {
    this.delayed?.clear();
    this.raw.on('error', () => undefined);
    if (this.raw.destroyed) return;
    if (this.raw === this.socket) this.socket.destroy();
    else this.raw.resetAndDestroy();
  }

  private receive(chunk: Buffer): void {
    let bodies: Buffer[];
    try {
      bodies = this.decoder.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    const gate = this.hooks.gate;
    for (const body of bodies) {
      if (gate !== undefined && gate.active ? !this.admit(gate, body) : !this.handle(body)) return;
    }
    this.applyBackpressure();
  }

  /** Waits while the client leaves more than MAX_UNREAD_RESPONSE_BYTES of answers unread. */
  private async roomToAnswer(): Promise<void> {
    for (;;) {
      if (this.closed || this.writer.buffered + this.socket.writableLength <= MAX_UNREAD_RESPONSE_BYTES) return;
      this.applyBackpressure();
      if (this.writer.buffered > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.socket.off('drain', done);
          this.socket.off('close', done);
          resolve();
        };
        this.socket.on('drain', done);
        this.socket.on('close', done);
      });
    }
  }

  private applyBackpressure(): void {
    const behind = this.pending > MAX_PENDING_REQUESTS || this.writer.buffered + this.socket.writableLength > MAX_UNREAD_RESPONSE_BYTES;
    if (behind && !this.socket.isPaused()) {
      this.socket.pause();
      this.socket.setTimeout(STALLED_READER_TIMEOUT_MS);
    } else if (!behind && this.socket.isPaused() && !this.closed) {
      this.socket.setTimeout(0);
      this.socket.resume();
    }
  }

  /** Returns false once the connection is gone. */
  private admit(gate: ConnectionGate, body: Buffer): boolean {
    const verdict = gate.onFrame();
    if (verdict === 'pass') return this.handle(body);
    if (verdict === 'drop') return true;
    if (verdict === 'reset') {
      this.reset();
      return false;
    }
    this.delayed ??= new DelayLine((late) => {
      if (!this.closed) this.handle(late);
    });
    this.delayed.push(verdict.delayMs, body);
    return true;
  }

  /** Decodes one frame and queues its request; returns false if the frame broke the connection. */
  private handle(body: Buffer): boolean {
    let message: unknown;
    try {
      message = decodeFrameBody(body);
    } catch {
      this.socket.destroy();
      return false;
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
      return false;
    }
    return true;
  }

  /** Requests still queued when the connection closes are dropped: nobody is left to read their responses. */
  private enqueue(respond: () => Promise<RpcResponse> | RpcResponse): void {
    this.pending += 1;
    void this.queue.run(async () => {
      try {
        await this.roomToAnswer();
        if (this.closed) return;
        this.send(await respond());
      } finally {
        this.pending -= 1;
        this.applyBackpressure();
      }
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
    if (this.isStalled) return;
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
