// Servers and clients on 127.0.0.1 port 0 for the RPC tests, closed after each test.

import { RpcClient, RpcServer, type RpcClientOptions, type RpcServerOptions } from '../../../../hsm-sim/protocol';
import { TestPki, type TestCertificateAuthority } from './test-pki';

export const HOST = '127.0.0.1';

export interface RunningServer {
  readonly server: RpcServer;
  readonly port: number;
}

export class RpcTestBed {
  readonly ca: TestCertificateAuthority;
  private readonly servers: RpcServer[] = [];
  private readonly clients: RpcClient[] = [];

  constructor(readonly pki: TestPki) {
    this.ca = pki.authority('test-ca');
  }

  async server(options: Partial<RpcServerOptions> = {}): Promise<RunningServer> {
    const server = new RpcServer({ host: HOST, port: 0, tls: this.ca.issue(`IP:${HOST}`), handlers: {}, ...options });
    this.servers.push(server);
    const { port } = await server.listen();
    return { server, port };
  }

  async client(port: number, options: Partial<RpcClientOptions> = {}): Promise<RpcClient> {
    const client = await RpcClient.connect({ host: HOST, port, tls: { ca: this.ca.certPem }, ...options });
    this.clients.push(client);
    return client;
  }

  async cleanUp(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.close()));
    await Promise.all(this.servers.splice(0).map((server) => server.close()));
  }
}

/** Registers the hooks of a test bed in the enclosing describe() and returns it (valid inside tests). */
export function useRpcTestBed(): () => RpcTestBed {
  let pki: TestPki | undefined;
  let bed: RpcTestBed | undefined;
  before(() => {
    pki = TestPki.create();
    bed = new RpcTestBed(pki);
  });
  afterEach(() => bed?.cleanUp());
  after(() => pki?.remove());
  return () => bed!;
}
