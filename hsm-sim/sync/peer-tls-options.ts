// How a node verifies a peer's sync port: the same trust decision as every client
// (tlsClientOptions: the chain up to a trusted CA), over the hardware CA and, once the cluster is
// initialised, the customer's trust anchor.

import type { ConnectionOptions } from 'node:tls';
import { tlsClientOptions } from '../node/certificates/tls-client-options';

export function peerTlsOptions(trustedCaPems: readonly string[]): ConnectionOptions {
  return { ...tlsClientOptions(trustedCaPems.join('\n')), ca: [...trustedCaPems] };
}
