import type { DigestAlgorithm, HashAlgorithm } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';

interface Hash {
  readonly nodeName: string;
  readonly bytes: number;
}

const SIGNATURE_HASHES: Readonly<Record<HashAlgorithm, Hash>> = {
  'SHA-256': { nodeName: 'sha256', bytes: 32 },
  'SHA-384': { nodeName: 'sha384', bytes: 48 },
  'SHA-512': { nodeName: 'sha512', bytes: 64 },
};

const DIGESTS: Readonly<Record<DigestAlgorithm, Hash>> = {
  'SHA-1': { nodeName: 'sha1', bytes: 20 },
  ...SIGNATURE_HASHES,
};

export function signatureHash(algorithm: HashAlgorithm, operation: string): Hash {
  const hash = Object.hasOwn(SIGNATURE_HASHES, algorithm) ? SIGNATURE_HASHES[algorithm] : undefined;
  if (!hash) throw new HsmError(Ckr.MECHANISM_INVALID, operation, `hash ${String(algorithm)}`);
  return hash;
}

export function digestHash(algorithm: DigestAlgorithm, operation: string): Hash {
  const hash = Object.hasOwn(DIGESTS, algorithm) ? DIGESTS[algorithm] : undefined;
  if (!hash) throw new HsmError(Ckr.MECHANISM_INVALID, operation, `digest ${String(algorithm)}`);
  return hash;
}
