import { asn1, pki } from 'node-forge';
import { basicConstraintsOf, keyUsageOf } from './extension-readers';
import { type CertificateCheck } from './pki.types';

export interface SignedClusterCertificateInput {
  csrPem: string;
  signedCertPem: string;
  trustAnchorPem: string;
  now?: Date;
}

class Rejection extends Error {}

function reject(reason: string): never {
  throw new Rejection(reason);
}

/**
 * InitializeCluster's checks of SignedCert against the cluster CSR and the TrustAnchor (RFC 5280 basics).
 * The signed certificate may be a CA or not: the AWS docs sign it with `openssl x509 -req`, which adds no
 * extensions at all.
 */
export function verifySignedClusterCertificate(input: SignedClusterCertificateInput): CertificateCheck {
  const now = input.now ?? new Date();
  try {
    const csr = parse('the cluster CSR', 'a PKCS#10 request', () => pki.certificationRequestFromPem(input.csrPem));
    const signedCert = parse('SignedCert', 'an X.509 certificate', () => pki.certificateFromPem(input.signedCertPem));
    const trustAnchor = parse('TrustAnchor', 'an X.509 certificate', () => pki.certificateFromPem(input.trustAnchorPem));
    checkTrustAnchor(trustAnchor, now);
    checkSignedCert(signedCert, trustAnchor, now);
    if (!csr.publicKey || !sameKey(csr.publicKey, signedCert.publicKey)) {
      reject("SignedCert certifies another key than the cluster CSR's");
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.message };
    throw error;
  }
}

function parse<T>(label: string, expected: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reject(`${label} is not ${expected} in PEM with an RSA key (${detail.replace(/\s+/g, ' ')})`);
  }
}

function checkTrustAnchor(trustAnchor: pki.Certificate, now: Date): void {
  // initialize-cluster: the trust anchor must be the root - self-signed, not an intermediate.
  if (!trustAnchor.isIssuer(trustAnchor)) {
    reject(`TrustAnchor is not self-signed: ${describe(trustAnchor.subject)} is issued by ${describe(trustAnchor.issuer)}`);
  }
  if (!signs(trustAnchor, trustAnchor)) reject("TrustAnchor's self-signature does not verify");
  // initialize-cluster: Basic Constraints extension present if v3 extensions are used, none conflicting.
  if (trustAnchor.extensions.length > 0) {
    const basicConstraints = basicConstraintsOf(trustAnchor);
    if (basicConstraints === undefined) reject('TrustAnchor has v3 extensions but no basicConstraints');
    if (!basicConstraints.cA) reject('TrustAnchor is not a CA: its basicConstraints say cA false');
    if (keyUsageOf(trustAnchor)?.keyCertSign === false) reject('TrustAnchor is not a CA: its keyUsage lacks keyCertSign');
  }
  checkValidity('TrustAnchor', trustAnchor, now);
}

function checkSignedCert(signedCert: pki.Certificate, trustAnchor: pki.Certificate, now: Date): void {
  // SIM: only a SignedCert signed by the trust anchor itself is accepted; one issued through intermediate
  // CAs fails this issuer check (initialize-cluster: the signing certificate must be directly available).
  if (!trustAnchor.issued(signedCert)) {
    reject(`SignedCert is not issued by the TrustAnchor: its issuer ${describe(signedCert.issuer)} is not ${describe(trustAnchor.subject)}`);
  }
  if (!signs(trustAnchor, signedCert)) reject("SignedCert's signature does not verify with the TrustAnchor's key");
  checkValidity('SignedCert', signedCert, now);
}

function signs(issuer: pki.Certificate, certificate: pki.Certificate): boolean {
  try {
    return issuer.verify(certificate);
  } catch {
    return false; // node-forge throws for signature algorithms it does not know
  }
}

function checkValidity(label: string, certificate: pki.Certificate, now: Date): void {
  const { notBefore, notAfter } = certificate.validity;
  if (now < notBefore) reject(`${label} is not valid before ${notBefore.toISOString()}`);
  if (now > notAfter) reject(`${label} expired on ${notAfter.toISOString()}`);
}

function sameKey(a: pki.PublicKey, b: pki.PublicKey): boolean {
  return spki(a) === spki(b);
}

function spki(key: pki.PublicKey): string {
  return asn1.toDer(pki.publicKeyToAsn1(key)).getBytes();
}

function describe(name: pki.Certificate['subject']): string {
  return name.attributes.map((attribute) => `${attribute.shortName ?? attribute.name}=${String(attribute.value)}`).join(', ');
}
