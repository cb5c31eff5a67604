import { md, pki } from 'node-forge';
import { type ExtensionSpec } from './certificate-extensions';
import { withLfLineEndings } from './pem-line-endings';
import { type CertificateAuthority } from './pki.types';
import { randomSerialNumber } from './serial-number';
import { type ValidityPeriod } from './validity-period';

export interface CertificateSpec {
  subject: pki.CertificateField[];
  publicKeyPem: string;
  validity: ValidityPeriod;
  extensions: readonly ExtensionSpec[];
}

export interface Signer {
  name: pki.CertificateField[];
  keyPem: string;
}

export function signerOf(ca: CertificateAuthority): Signer {
  return { name: pki.certificateFromPem(ca.certPem).subject.attributes, keyPem: ca.keyPem };
}

/** Signs with SHA-256 and returns the certificate as PEM; a spec whose own key signs it is self-signed. */
export function signCertificate(spec: CertificateSpec, signer: Signer): string {
  const certificate = pki.createCertificate();
  certificate.serialNumber = randomSerialNumber();
  certificate.validity.notBefore = spec.validity.notBefore;
  certificate.validity.notAfter = spec.validity.notAfter;
  certificate.setSubject(spec.subject);
  certificate.setIssuer(signer.name);
  certificate.publicKey = pki.publicKeyFromPem(spec.publicKeyPem);
  certificate.setExtensions([...spec.extensions]);
  certificate.sign(pki.privateKeyFromPem(signer.keyPem), md.sha256.create());
  return withLfLineEndings(pki.certificateToPem(certificate));
}
