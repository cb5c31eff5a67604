// The client side of a node port: one TLS connection, many calls in flight, responses matched by id.

import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { NodeError, type NodeErrorCode } from '../node/node.types';
import { decodeFrameBody, encodeFrame, FrameDecoder } from './frame-codec';
import { FrameWriter } from './frame-writer';
import { RpcConnectionError, RpcConnectionErrorCode } from './rpc-connection-error';
import { readResponse } from './rpc-messages';

export interface RpcClientOptions {
  readonly host: string;
  readonly port: number;
  /** Passed through to tls.connect: `ca` (the trust anchor), `servername`, client certificates, ... */
  readonly tls?: ConnectionOptions;
  /** Default 5000. */
  readonly connectTimeoutMs?: number;
  /** Default 30000. */
  readonly requestTimeoutMs?: number;
}

interface PendingCall {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export type CloseListener = (reason: RpcConnectionError) => void;

export class RpcClient {
  private readonly pending = new Map<number, PendingCall>();
  private readonly decoder = new FrameDecoder();
  private readonly writer: FrameWriter;
  private readonly closeListeners: CloseListener[] = [];
  private readonly socketClosed: Promise<void>;
  private nextId = 1;
  /** Set once the connection is gone; every later call fails with it. */
  private closedBecause: RpcConnectionError | undefined;
  private socketError: Error | undefined;

  private constructor(
    private readonly socket: TLSSocket,
    private readonly peer: string,
    private readonly requestTimeoutMs: number,
  ) {
    this.writer = new FrameWriter(socket);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => {
      this.socketError = error;
    });
    this.socketClosed = new Promise((resolve) => {
      socket.once('close', () => {
        const detail = this.socketError ? `: ${this.socketError.message}` : '';
        this.shutDown(`connection to ${peer} closed${detail}`, this.socketError);
        resolve();
      });
    });
  }

  /**
   * Resolves once the TLS handshake (and certificate verification) succeeded. Rejects with
   * RpcConnectionError: 'ETIMEDOUT' after connectTimeoutMs, otherwise Node's code (ECONNREFUSED,
   * EHOSTUNREACH, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID, ...).
   */
  static connect(options: RpcClientOptions): Promise<RpcClient> {
    const { host, port, connectTimeoutMs = 5000, requestTimeoutMs = 30000 } = options;
    const peer = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = tlsConnect({ ...options.tls, host, port });
      const fail = (error: RpcConnectionError): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      const onError = (error: NodeJS.ErrnoException): void =>
        fail(new RpcConnectionError(error.code ?? RpcConnectionErrorCode.CLOSED, `connect to ${peer} failed: ${error.message}`, { cause: error }));
      const onClose = (): void => fail(new RpcConnectionError(RpcConnectionErrorCode.CLOSED, `connect to ${peer} failed: the connection closed`));
      const timer = setTimeout(
        () => fail(new RpcConnectionError(RpcConnectionErrorCode.TIMED_OUT, `connect to ${peer} timed out after ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      socket.on('error', onError);
      socket.on('close', onClose);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        socket.removeListener('error', onError);
        socket.removeListener('close', onClose);
        resolve(new RpcClient(socket, peer, requestTimeoutMs));
      });
    });
  }

  get isOpen(): boolean {
    return this.closedBecause === undefined;
  }

  /**
   * Sends one request; many may be in flight. `T` is what the caller expects, not checked. Rejects with
   * NodeError for an error response, RpcConnectionError for a transport failure ('ETIMEDOUT' after
   * requestTimeoutMs - the connection stays open and a late response is dropped; 'CLOSED'), and
   * FrameTooLargeError, without sending, for arguments over 16 MiB.
   */
  call<T>(op: string, args?: unknown): Promise<T> {
    if (this.closedBecause) return Promise.reject(new RpcConnectionError(RpcConnectionErrorCode.CLOSED, this.closedBecause.message));
    const id = this.nextId++;
    let frame: Buffer;
    try {
      frame = encodeFrame({ id, op, args });
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcConnectionError(RpcConnectionErrorCode.TIMED_OUT, `${op}: no response from ${this.peer} within ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
      this.writer.write(frame);
    });
  }

  /** Calls `listener` once when the connection is gone, whichever side closed it; at once if it already is. */
  onClose(listener: CloseListener): void {
    const reason = this.closedBecause;
    if (reason) queueMicrotask(() => listener(reason));
    else this.closeListeners.push(listener);
  }

  /** Closes the connection; calls still pending reject with 'CLOSED'. */
  async close(): Promise<void> {
    this.shutDown(`connection to ${this.peer} closed by the client`);
    this.socket.destroy();
    await this.socketClosed;
  }

  private receive(chunk: Buffer): void {
    try {
      for (const body of this.decoder.push(chunk)) {
        const response = readResponse(decodeFrameBody(body));
        if (response === undefined) throw new Error(`malformed response from ${this.peer}`);
        const call = this.pending.get(response.id);
        // Unknown ids are responses to calls that already timed out.
        if (call === undefined) continue;
        this.pending.delete(response.id);
        clearTimeout(call.timer);
        if ('error' in response) call.reject(new NodeError(response.error.code as NodeErrorCode, response.error.message));
        else call.resolve(response.result);
      }
    } catch (error) {
      this.socket.destroy(error as Error);
    }
  }

  private shutDown(message: string, cause?: Error): void {
    if (this.closedBecause) return;
    const reason = new RpcConnectionError(RpcConnectionErrorCode.CLOSED, message, cause ? { cause } : undefined);
    this.closedBecause = reason;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(reason);
    }
    this.pending.clear();
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }
}
