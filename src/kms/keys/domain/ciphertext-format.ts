// The simulator's ciphertext blob, the same for AWS_KMS and AWS_CLOUDHSM keys (AWS does not publish
// its own, aws-behaviour 9 q23). Version 1:
//
//   offset  length  field
//   0       1       format version, 0x01
//   1       16      the KMS key id (its UUID's 16 bytes)
//   17      12      AES-GCM IV
//   29      n + 16  AES-256-GCM ciphertext of the n-byte plaintext, then the 16-byte tag
//
// The AAD is bytes 0-16 followed by the canonical encryption context (encryption-context.ts), so the blob
// names its key and neither the key id nor the context can change without the tag failing.

import { InvalidCiphertextException } from '../../kms.errors';
import { canonicalEncryptionContext, type EncryptionContext } from './encryption-context';

const VERSION = 0x01;
const KEY_ID_BYTES = 16;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MINIMUM_BYTES = HEADER_BYTES + IV_BYTES + TAG_BYTES + 1;

export interface CiphertextParts {
  readonly keyId: string;
  readonly iv: Buffer;
  /** Ciphertext followed by the tag. */
  readonly sealed: Buffer;
}

function header(keyId: string): Buffer {
  return Buffer.concat([Buffer.from([VERSION]), Buffer.from(keyId.replaceAll('-', ''), 'hex')]);
}

/** What AES-GCM authenticates besides the plaintext: the blob's header and the encryption context. */
export function ciphertextAad(keyId: string, context: EncryptionContext | undefined): Buffer {
  return Buffer.concat([header(keyId), canonicalEncryptionContext(context)]);
}

export function encodeCiphertext(parts: CiphertextParts): Buffer {
  if (parts.iv.length !== IV_BYTES) throw new Error(`AES-GCM IV of ${parts.iv.length} bytes: the ciphertext format needs ${IV_BYTES}`);
  return Buffer.concat([header(parts.keyId), parts.iv, parts.sealed]);
}

/** The parts of a blob this simulator made; anything else is InvalidCiphertextException. */
export function decodeCiphertext(blob: Buffer): CiphertextParts {
  if (blob.length < MINIMUM_BYTES || blob[0] !== VERSION) {
    throw new InvalidCiphertextException('The ciphertext is not one AWS KMS produced: check that the whole CiphertextBlob was passed, unchanged.');
  }
  const hex = blob.subarray(1, HEADER_BYTES).toString('hex');
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { keyId, iv: blob.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES), sealed: blob.subarray(HEADER_BYTES + IV_BYTES) };
}
