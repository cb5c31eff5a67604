import { type AddressInfo } from 'node:net';
import { connect, createServer, type ConnectionOptions } from 'node:tls';
import { type TlsIdentity } from '../../../../hsm-sim/node/certificates';

export type TlsOutcome = { verified: true; peerCommonName: string } | { verified: false; code: string };

/** Serves `identity` on 127.0.0.1 (port 0), connects once with `clientOptions`, closes both ends. */
export async function connectToHsm(identity: TlsIdentity, clientOptions: ConnectionOptions): Promise<TlsOutcome> {
  const server = createServer({ key: identity.keyPem, cert: identity.certChainPem }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined); // a refusal is asserted on the client side
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<TlsOutcome>((resolve) => {
      const socket = connect({ ...clientOptions, host: '127.0.0.1', port });
      socket.once('secureConnect', () => {
        const peerCommonName = String(socket.getPeerCertificate().subject.CN);
        socket.destroy();
        resolve({ verified: true, peerCommonName });
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        socket.destroy();
        resolve({ verified: false, code: error.code ?? error.message });
      });
    });
  } finally {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}
