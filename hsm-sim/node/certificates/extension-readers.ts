import { type pki } from 'node-forge';

// node-forge types a parsed extension as `{}` (and returns null, not undefined, for a missing one); these
// read the two that decide who may issue.

interface BasicConstraints {
  cA: boolean;
}

interface KeyUsage {
  keyCertSign: boolean;
}

export function basicConstraintsOf(certificate: pki.Certificate): BasicConstraints | undefined {
  const extension: object | null | undefined = certificate.getExtension('basicConstraints');
  if (!extension) return undefined;
  return { cA: 'cA' in extension && extension.cA === true };
}

export function keyUsageOf(certificate: pki.Certificate): KeyUsage | undefined {
  const extension: object | null | undefined = certificate.getExtension('keyUsage');
  if (!extension) return undefined;
  return { keyCertSign: 'keyCertSign' in extension && extension.keyCertSign === true };
}
