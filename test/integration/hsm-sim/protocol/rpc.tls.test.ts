import { expect } from 'chai';
import { createServer, type Server, type Socket } from 'node:net';
import { RpcClient, RpcConnectionError } from '../../../../hsm-sim/protocol';
import { HOST, useRpcTestBed } from './rpc-test-bed';

async function connectError(connecting: Promise<unknown>): Promise<RpcConnectionError> {
  try {
    await connecting;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(RpcConnectionError);
    return error as RpcConnectionError;
  }
  expect.fail('expected the connection to fail');
}

describe('RPC over TLS', () => {
  const bed = useRpcTestBed();

  // The server sends its CA certificate in the chain, so OpenSSL names the untrusted root
  // (SELF_SIGNED_CERT_IN_CHAIN); a leaf alone would give UNABLE_TO_VERIFY_LEAF_SIGNATURE.
  it('fails to connect with the TLS code when the server chain does not lead to the trusted CA', async () => {
    const { port } = await bed().server();
    const otherCa = bed().pki.authority('other-ca');
    const error = await connectError(bed().client(port, { tls: { ca: otherCa.certPem } }));
    expect(error.code).to.equal('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('fails to connect with ERR_TLS_CERT_ALTNAME_INVALID when the certificate names another address', async () => {
    const { port } = await bed().server({ tls: bed().ca.issue('IP:10.0.0.5') });
    const error = await connectError(bed().client(port));
    expect(error.code).to.equal('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('presents the identity set by setIdentity to new connections only', async () => {
    const { server, port } = await bed().server({ handlers: { ping: () => 'pong' } });
    const before = await bed().client(port);
    const customerCa = bed().pki.authority('customer-ca');
    server.setIdentity(customerCa.issue(`IP:${HOST}`));

    expect(await bed().client(port, { tls: { ca: customerCa.certPem } }).then((client) => client.call('ping'))).to.equal('pong');
    expect((await connectError(bed().client(port))).code).to.equal('SELF_SIGNED_CERT_IN_CHAIN');
    expect(await before.call('ping')).to.equal('pong');
  });

  it('times out a connect whose TLS handshake never completes', async () => {
    const accepted: Socket[] = [];
    const silent: Server = createServer((socket) => void accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, HOST, resolve));
    const { port } = silent.address() as { port: number };
    try {
      const error = await connectError(RpcClient.connect({ host: HOST, port, tls: { ca: bed().ca.certPem }, connectTimeoutMs: 100 }));
      expect(error.code).to.equal('ETIMEDOUT');
    } finally {
      accepted.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
