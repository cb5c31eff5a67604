import { canIssueCertificates } from './certificate-issuer.policy';
import { createHsmIdentity } from './hsm-identity';
import { type ClusterCredentials, type HsmSubject, type TlsIdentity } from './pki.types';

/**
 * The TLS identity of an HSM of an initialised cluster: a chain that clients verify with the customer's
 * trust anchor, which they hold themselves (it is not part of the chain).
 */
export function issueInitializedHsmIdentity(cluster: ClusterCredentials, subject: HsmSubject): TlsIdentity {
  if (canIssueCertificates(cluster.certPem)) {
    return createHsmIdentity(cluster, subject);
  }
  // SIM: a real HSM presents its own certificate chained to the cluster certificate. The cluster
  // certificate the AWS docs have the customer sign (`openssl x509 -req`, no extensions) is no CA, and
  // OpenSSL refuses it as an issuer, so every HSM of the cluster presents the cluster certificate itself
  // with the cluster key. The customer signed that certificate, so it cannot name the HSM's IP:
  // tlsClientOptions trusts the chain to the anchor and skips the host name check.
  return { keyPem: cluster.keyPem, certChainPem: cluster.certPem };
}
