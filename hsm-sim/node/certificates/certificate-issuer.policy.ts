import { pki } from 'node-forge';
import { basicConstraintsOf, keyUsageOf } from './extension-readers';

/**
 * Whether Node's TLS client (OpenSSL 3) accepts this certificate as an intermediate issuer in a chain:
 * only with basicConstraints cA:TRUE, and a keyUsage, if present, that allows keyCertSign. OpenSSL applies
 * its strict rule to intermediates: a v3 certificate with keyCertSign but no basicConstraints fails with
 * INVALID_CA, and one without extensions (what `openssl x509 -req` writes) with INVALID_PURPOSE.
 */
export function canIssueCertificates(certPem: string): boolean {
  const certificate = pki.certificateFromPem(certPem);
  return basicConstraintsOf(certificate)?.cA === true && keyUsageOf(certificate)?.keyCertSign !== false;
}
