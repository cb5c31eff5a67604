import { type ConnectionOptions } from 'node:tls';

/**
 * How every client (KMS, the admin tools) connects to an HSM of an initialised cluster: it trusts the
 * customer's trust anchor (customerCA.crt) and nothing else.
 *
 * No host name check: an HSM certificate names the HSM (CN=HSM:<hsm id>:PARTN:<n>, initialize-cluster),
 * never the ENI IP a client dials, so the chain to the trust anchor is the whole trust decision. The
 * simulator needs that rule too: the HSMs of a cluster whose certificate is no CA all present that one
 * cluster certificate, which cannot name their IPs (see issueInitializedHsmIdentity).
 */
export function tlsClientOptions(trustAnchorPem: string): ConnectionOptions {
  return { ca: trustAnchorPem, checkServerIdentity: () => undefined };
}
