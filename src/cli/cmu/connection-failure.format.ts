// Why an HSM could not be reached, in words that say what to check.

import { RpcConnectionError } from '../../../hsm-sim/protocol';

/** Node's TLS verification codes that mean "this certificate does not chain to the CA you trust". */
const UNTRUSTED_CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

const EXPLANATIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing is listening there: the HSM is down or the port is wrong',
  ETIMEDOUT: 'no answer in time: the HSM is unreachable or overloaded',
  EHOSTUNREACH: 'the address cannot be reached from here',
  ENOTFOUND: 'the host name does not resolve',
  CERT_HAS_EXPIRED: "the HSM's certificate has expired",
  CLOSED: 'the HSM closed the connection during the handshake',
};

// 6.5: clients verify the HSMs against customerCA.crt, the trust anchor given to InitializeCluster
const UNTRUSTED =
  "the HSM's certificate does not chain to the --ca-file trust anchor: give the cluster's customerCA.crt (before initialisation, the hardware CA)";

export function describeConnectFailure(error: unknown): string {
  if (!(error instanceof RpcConnectionError)) return error instanceof Error ? error.message : String(error);
  const explanation = UNTRUSTED_CERTIFICATE_CODES.has(error.code) ? UNTRUSTED : (EXPLANATIONS[error.code] ?? error.message);
  return `${error.code} (${explanation})`;
}
