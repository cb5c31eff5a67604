// Whether two PEM texts are the same certificate. SIM (open question 16): KMS compares certificates, not
// bytes, so line endings, trailing whitespace or a different PEM wrapping do not matter.

import { X509Certificate } from 'node:crypto';

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

export function isCertificate(pem: string): boolean {
  return parse(pem) !== undefined;
}

export function sameCertificate(a: string, b: string): boolean {
  const first = parse(a);
  const second = parse(b);
  return first !== undefined && second !== undefined && first.raw.equals(second.raw);
}
