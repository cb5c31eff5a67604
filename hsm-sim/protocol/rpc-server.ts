// The TLS listener of one node port (2223 crypto, 2224 cluster sync, 2225 management). Connections run
// concurrently; each runs its own requests in order (see rpc-server-connection.ts).

import type { Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
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
}

export interface ListeningAddress {
  readonly host: string;
  readonly port: number;
}

export class RpcServer {
  private readonly server: Server;
  private readonly open = new Set<RpcServerConnection>();
  /** Every TCP connection, TLS handshake done or not, so close() can end them all. */
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: RpcServerOptions) {
    this.server = createServer(toSecureContextOptions(options.tls), (socket) => this.accept(socket));
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
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
    this.server.setSecureContext(toSecureContextOptions(identity));
  }

  /**
   * Stops listening, destroys every connection and resolves once each one's onDisconnect has run - which
   * is after the request each was running has settled (queued requests are dropped). A handler that
   * never settles therefore keeps close() waiting.
   */
  async close(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Taken before destroying: a TLS socket may emit 'close', and leave `open`, during destroy().
    const disconnected = [...this.open].map((connection) => connection.disconnected);
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([stopped, ...disconnected]);
  }

  private accept(socket: TLSSocket): void {
    const connection = new RpcServerConnection(socket, this.options);
    this.open.add(connection);
    socket.once('close', () => this.open.delete(connection));
  }
}

function toSecureContextOptions(identity: TlsIdentity): { key: string; cert: string } {
  return { key: identity.keyPem, cert: identity.certChainPem };
}
