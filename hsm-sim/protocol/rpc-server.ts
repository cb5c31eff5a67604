// The TLS listener of one node port (2223 crypto, 2224 cluster sync, 2225 management). Connections run
// concurrently; each runs its own requests in order (see rpc-server-connection.ts). An optional
// ConnectionGate (network faults) is asked before a TCP connection gets its TLS handshake.
// A net.Server wrapping each socket in a server TLSSocket is what tls.Server does inside; doing it here
// lets a gate hold a connection without a handshake or reset the raw TCP socket.

import { createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import type { ConnectionGate, OpenConnectionsVerdict } from './connection-gate';
import { RpcServerConnection, type RpcConnectionHooks } from './rpc-server-connection';

/** A private key and the certificate chain presented with it, leaf first. */
export interface TlsIdentity {
  readonly keyPem: string;
  readonly certChainPem: string;
}

export interface RpcServerOptions extends RpcConnectionHooks {
  readonly host: string;
  /** 0 picks a free port; listen() returns it. */
  readonly port: number;
  readonly tls: TlsIdentity;
  /** TCP connections this port holds at once; more are closed as they arrive. Default 900. */
  readonly maxConnections?: number;
  /** A connection whose TLS handshake has not completed by then is closed. Default 30 s. */
  readonly handshakeTimeoutMs?: number;
  /** A connection that has completed TLS but sent no frame by then is closed. Default 15 min. */
  readonly silentTimeoutMs?: number;
}

// Limits: concurrent client connections per cluster: 900 (CloudHSM quotas page, aws-behaviour 8.2).
// SIM: counted per node port, and the connection over the limit is closed at once (AWS does not say what it does).
export const MAX_CONNECTIONS_PER_PORT = 900;
/** SIM: AWS publishes no handshake timeout; tls.Server's default is 120 s, too long for a port a stray client can fill. */
export const HANDSHAKE_TIMEOUT_MS = 30_000;
/** SIM: long enough for a person at a cmu prompt (cmu connects at start, then waits for the first command). */
export const SILENT_CONNECTION_TIMEOUT_MS = 15 * 60_000;

export interface ListeningAddress {
  readonly host: string;
  readonly port: number;
}

export class RpcServer {
  private readonly server: Server;
  private secureContext: SecureContext;
  private readonly open = new Set<RpcServerConnection>();
  /** Every TCP connection, TLS handshake done or not, so close() can end them all. */
  private readonly sockets = new Set<Socket>();
  /** TCP connections a gate holds without a handshake (blackhole). */
  private readonly held = new Set<Socket>();
  private readonly unsubscribe: (() => void) | undefined;

  constructor(private readonly options: RpcServerOptions) {
    this.secureContext = createSecureContext(toSecureContextOptions(options.tls));
    this.server = createServer((socket) => this.connected(socket));
    this.unsubscribe = options.gate?.subscribe(() => this.gateChanged(options.gate!));
  }

  /** Connections that completed the TLS handshake and are still open. */
  get connections(): number {
    return this.open.size;
  }

  listen(): Promise<ListeningAddress> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.removeListener('error', reject);
        const address = this.server.address();
        if (address === null || typeof address === 'string') {
          reject(new Error(`unexpected listening address ${String(address)}`));
          return;
        }
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  /** Presents a new certificate to connections made from now on (InitializeCluster); open ones keep theirs. */
  setIdentity(identity: TlsIdentity): void {
    this.secureContext = createSecureContext(toSecureContextOptions(identity));
  }

  /**
   * Stops listening, destroys every connection and resolves once each one's onDisconnect has run - which
   * is after the request each was running has settled (queued requests are dropped). A handler that
   * never settles therefore keeps close() waiting.
   */
  async close(): Promise<void> {
    this.unsubscribe?.();
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Taken before destroying: a TLS socket may emit 'close', and leave `open`, during destroy().
    const disconnected = [...this.open].map((connection) => connection.disconnected);
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([stopped, ...disconnected]);
  }

  private connected(raw: Socket): void {
    if (this.sockets.size >= (this.options.maxConnections ?? MAX_CONNECTIONS_PER_PORT)) {
      raw.on('error', () => undefined);
      raw.destroy();
      return;
    }
    this.sockets.add(raw);
    raw.once('close', () => this.sockets.delete(raw));
    const gate = this.options.gate;
    if (gate !== undefined && gate.active) {
      const verdict = gate.onConnection();
      if (verdict === 'reset') return resetSocket(raw);
      if (verdict === 'hold') return this.hold(raw);
    }
    const socket = new TLSSocket(raw, { isServer: true, secureContext: this.secureContext });
    // A failed or stalled handshake (a client that does not trust us, garbage): tls.Server's 'tlsClientError'.
    socket.on('error', () => socket.destroy());
    socket.setTimeout(this.options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS, () => socket.destroy());
    socket.once('secure', () => {
      socket.setTimeout(this.options.silentTimeoutMs ?? SILENT_CONNECTION_TIMEOUT_MS, () => socket.destroy());
      socket.once('data', () => socket.setTimeout(0));
      this.accept(socket, raw);
    });
  }

  private accept(socket: TLSSocket, raw: Socket): void {
    const connection = new RpcServerConnection(socket, this.options, raw);
    this.open.add(connection);
    socket.once('close', () => this.open.delete(connection));
    // The gate may have changed during the handshake.
    const gate = this.options.gate;
    if (gate !== undefined && gate.active) this.applyToOpen(gate.openConnections(), [connection]);
  }

  private hold(raw: Socket): void {
    raw.on('error', () => undefined);
    this.held.add(raw);
    raw.once('close', () => this.held.delete(raw));
  }

  private gateChanged(gate: ConnectionGate): void {
    const verdict = gate.openConnections();
    this.applyToOpen(verdict, [...this.open]);
    if (verdict === 'reset') for (const raw of this.held) resetSocket(raw);
    // Heal: connections held in the blackhole are closed; clients connect again.
    if (verdict === 'keep') for (const raw of this.held) raw.destroy();
  }

  private applyToOpen(verdict: OpenConnectionsVerdict, connections: readonly RpcServerConnection[]): void {
    for (const connection of connections) {
      if (verdict === 'reset') connection.reset();
      else if (verdict === 'stall') connection.stall();
      else if (connection.stalled) connection.reset();
    }
  }
}

function resetSocket(raw: Socket): void {
  raw.on('error', () => undefined);
  if (!raw.destroyed) raw.resetAndDestroy();
}

function toSecureContextOptions(identity: TlsIdentity): { key: string; cert: string } {
  return { key: identity.keyPem, cert: identity.certChainPem };
}
