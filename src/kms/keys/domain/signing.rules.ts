// What Sign and Verify accept (API_Sign, API_Verify, asymmetric-key-specs): each SigningAlgorithm's hash,
// which MessageType it takes, and how long a DIGEST must be.

import { ValidationException } from '../../kms.errors';

export type SigningScheme = 'pkcs1' | 'pss' | 'ecdsa' | 'ed25519' | 'ed25519ph' | 'ml-dsa';
export type MessageType = 'RAW' | 'DIGEST' | 'EXTERNAL_MU';

export interface SigningAlgorithmRow {
  readonly scheme: SigningScheme;
  /** node:crypto's name of the algorithm's hash; ML-DSA hashes inside (SHAKE256). */
  readonly hash?: 'sha256' | 'sha384' | 'sha512';
  readonly messageTypes: readonly MessageType[];
}

const HASH_BYTES = { sha256: 32, sha384: 48, sha512: 64 } as const;
const RAW_OR_DIGEST: readonly MessageType[] = ['RAW', 'DIGEST'];

export const SIGNING_ALGORITHMS: Readonly<Record<string, SigningAlgorithmRow>> = {
  RSASSA_PKCS1_V1_5_SHA_256: { scheme: 'pkcs1', hash: 'sha256', messageTypes: RAW_OR_DIGEST },
  RSASSA_PKCS1_V1_5_SHA_384: { scheme: 'pkcs1', hash: 'sha384', messageTypes: RAW_OR_DIGEST },
  RSASSA_PKCS1_V1_5_SHA_512: { scheme: 'pkcs1', hash: 'sha512', messageTypes: RAW_OR_DIGEST },
  RSASSA_PSS_SHA_256: { scheme: 'pss', hash: 'sha256', messageTypes: RAW_OR_DIGEST },
  RSASSA_PSS_SHA_384: { scheme: 'pss', hash: 'sha384', messageTypes: RAW_OR_DIGEST },
  RSASSA_PSS_SHA_512: { scheme: 'pss', hash: 'sha512', messageTypes: RAW_OR_DIGEST },
  ECDSA_SHA_256: { scheme: 'ecdsa', hash: 'sha256', messageTypes: RAW_OR_DIGEST },
  ECDSA_SHA_384: { scheme: 'ecdsa', hash: 'sha384', messageTypes: RAW_OR_DIGEST },
  ECDSA_SHA_512: { scheme: 'ecdsa', hash: 'sha512', messageTypes: RAW_OR_DIGEST },
  // API_Sign: ED25519_SHA_512 takes MessageType RAW only; ED25519_PH_SHA_512 DIGEST only (a SHA-512 digest).
  ED25519_SHA_512: { scheme: 'ed25519', hash: 'sha512', messageTypes: ['RAW'] },
  ED25519_PH_SHA_512: { scheme: 'ed25519ph', hash: 'sha512', messageTypes: ['DIGEST'] },
  // API_Sign: ML_DSA_SHAKE_256 takes RAW (up to 4096 bytes) or EXTERNAL_MU (the 64-byte mu).
  ML_DSA_SHAKE_256: { scheme: 'ml-dsa', messageTypes: ['RAW', 'EXTERNAL_MU'] },
};

/** FIPS 204: mu is 64 bytes. */
const MU_BYTES = 64;

/** API_Sign MessageType / Message: the checks real KMS makes before it signs (the messages it sends). */
export function checkMessage(algorithm: string, row: SigningAlgorithmRow, keySpec: string, messageType: MessageType, message: Buffer): void {
  if (!row.messageTypes.includes(messageType)) {
    const subject = row.scheme === 'ml-dsa' ? `key spec ${keySpec}` : `algorithm ${algorithm}`;
    throw new ValidationException(`Message type ${messageType} is incompatible with ${subject}.`);
  }
  // API_Sign: with DIGEST, "the length of the Message value must match the length of hashed messages for the specified signing algorithm".
  if (messageType === 'DIGEST' && message.length !== HASH_BYTES[row.hash!]) throw new ValidationException(`Digest is invalid length for algorithm ${algorithm}.`);
  if (messageType === 'EXTERNAL_MU' && message.length !== MU_BYTES) {
    throw new ValidationException(`External mu is invalid length for algorithm ${algorithm}: it must be ${MU_BYTES} bytes.`);
  }
}
