// The simulator's ciphertext blob, the same for AWS_KMS and AWS_CLOUDHSM keys (AWS does not publish
// its own, aws-behaviour 9 q23). Version 1 (AWS_CLOUDHSM keys, and every blob made before key rotation):
//
//   offset  length  field
//   0       1       format version, 0x01
//   1       16      the KMS key id (its UUID's 16 bytes)
//   17      12      AES-GCM IV
//   29      n + 16  AES-256-GCM ciphertext of the n-byte plaintext, then the 16-byte tag
//
// Version 2 (keys whose material the simulator keeps: AWS_KMS and EXTERNAL) also names the key material
// version, so a blob decrypts after any number of rotations, and multi-Region key ids:
//
//   0       1       format version, 0x02
//   1       1       flags: bit 0 set for a multi-Region key id (mrk- followed by the 16 bytes as hex)
//   2       16      the KMS key id
//   18      32      the KeyMaterialId (64 hex digits) of the material that encrypted it
//   50      12      AES-GCM IV
//   62      n + 16  ciphertext, then the tag
//
// The AAD is the header (everything before the IV) followed by the canonical encryption context
// (encryption-context.ts), so the blob names its key and material and neither they nor the context can
// change without the tag failing. A version 1 blob still decrypts: it names no material, so its key's
// original material opens it.

import { InvalidCiphertextException } from '../../kms.errors';
import { canonicalEncryptionContext, type EncryptionContext } from './encryption-context';

const VERSION_1 = 0x01;
const VERSION_2 = 0x02;
const MULTI_REGION_FLAG = 0x01;
const MULTI_REGION_PREFIX = 'mrk-';
const KEY_ID_BYTES = 16;
const KEY_MATERIAL_ID_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const HEADER_1_BYTES = 1 + KEY_ID_BYTES;
const HEADER_2_BYTES = 2 + KEY_ID_BYTES + KEY_MATERIAL_ID_BYTES;

export interface CiphertextParts {
  readonly keyId: string;
  /** Version 2 only: the material version that encrypted the blob. */
  readonly keyMaterialId?: string;
  readonly iv: Buffer;
  /** Ciphertext followed by the tag. */
  readonly sealed: Buffer;
}

function keyIdBytes(keyId: string): Buffer {
  return Buffer.from(keyId.startsWith(MULTI_REGION_PREFIX) ? keyId.slice(MULTI_REGION_PREFIX.length) : keyId.replaceAll('-', ''), 'hex');
}

function header(keyId: string, keyMaterialId: string | undefined): Buffer {
  const multiRegion = keyId.startsWith(MULTI_REGION_PREFIX);
  if (keyMaterialId === undefined) {
    if (multiRegion) throw new Error(`multi-Region key ${keyId} needs a version 2 ciphertext (a key material id)`);
    return Buffer.concat([Buffer.from([VERSION_1]), keyIdBytes(keyId)]);
  }
  return Buffer.concat([Buffer.from([VERSION_2, multiRegion ? MULTI_REGION_FLAG : 0]), keyIdBytes(keyId), Buffer.from(keyMaterialId, 'hex')]);
}

/** What AES-GCM authenticates besides the plaintext: the blob's header and the encryption context. */
export function ciphertextAad(keyId: string, context: EncryptionContext | undefined, keyMaterialId?: string): Buffer {
  return Buffer.concat([header(keyId, keyMaterialId), canonicalEncryptionContext(context)]);
}

export function encodeCiphertext(parts: CiphertextParts): Buffer {
  if (parts.iv.length !== IV_BYTES) throw new Error(`AES-GCM IV of ${parts.iv.length} bytes: the ciphertext format needs ${IV_BYTES}`);
  return Buffer.concat([header(parts.keyId, parts.keyMaterialId), parts.iv, parts.sealed]);
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function notOurs(): InstanceType<typeof InvalidCiphertextException> {
  return new InvalidCiphertextException('The ciphertext is not one AWS KMS produced: check that the whole CiphertextBlob was passed, unchanged.');
}

/** The parts of a blob this simulator made; anything else is InvalidCiphertextException. */
export function decodeCiphertext(blob: Buffer): CiphertextParts {
  if (blob[0] === VERSION_1 && blob.length >= HEADER_1_BYTES + IV_BYTES + TAG_BYTES + 1) {
    const keyId = uuidOf(blob.subarray(1, HEADER_1_BYTES).toString('hex'));
    return { keyId, iv: blob.subarray(HEADER_1_BYTES, HEADER_1_BYTES + IV_BYTES), sealed: blob.subarray(HEADER_1_BYTES + IV_BYTES) };
  }
  if (blob[0] === VERSION_2 && blob.length >= HEADER_2_BYTES + IV_BYTES + TAG_BYTES + 1 && (blob[1]! & ~MULTI_REGION_FLAG) === 0) {
    const hex = blob.subarray(2, 2 + KEY_ID_BYTES).toString('hex');
    const keyId = blob[1] === MULTI_REGION_FLAG ? `${MULTI_REGION_PREFIX}${hex}` : uuidOf(hex);
    const keyMaterialId = blob.subarray(2 + KEY_ID_BYTES, HEADER_2_BYTES).toString('hex');
    return { keyId, keyMaterialId, iv: blob.subarray(HEADER_2_BYTES, HEADER_2_BYTES + IV_BYTES), sealed: blob.subarray(HEADER_2_BYTES + IV_BYTES) };
  }
  throw notOurs();
}
