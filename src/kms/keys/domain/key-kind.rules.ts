// Which KeySpec x KeyUsage CreateKey accepts for an AWS_KMS key (key-spec.table.ts), and which key kinds
// each operation takes: the InvalidKeyUsageException a key of another kind gets.

import { InvalidKeyUsageException, UnsupportedOperationException, ValidationException } from '../../kms.errors';
import { CHINA_REGIONS, KeyUsage, keySpecRow, SYMMETRIC_KIND, type KeyKind } from './key-spec.table';
import type { KmsKeyRecord } from './kms-key';

/** The kind CreateKey asked for, once AWS's rules allow it in `region` (the spec itself the model has checked). */
export function keyKindOf(request: { readonly KeySpec?: string; readonly CustomerMasterKeySpec?: string; readonly KeyUsage?: string }, region: string): KeyKind {
  const keySpec = request.KeySpec ?? request.CustomerMasterKeySpec ?? SYMMETRIC_KIND.keySpec;
  const row = keySpecRow(keySpec);
  if (row === undefined) throw new ValidationException(`KeySpec ${keySpec} is not a KeySpec KMS offers.`);
  if (row.chinaOnly) {
    // asymmetric-key-specs: "SM2 key spec (China Regions only)"; elsewhere KMS answers UnsupportedOperationException.
    if (!CHINA_REGIONS.has(region)) throw new UnsupportedOperationException(`KeySpec ${keySpec} is not supported in this Region`);
    // SIM: SM2 (the China Regions' ShangMi curve) is not simulated.
    throw new UnsupportedOperationException(`KeySpec ${keySpec} is not simulated: the simulator has no SM2 implementation.`);
  }
  // API_CreateKey KeyUsage: "This parameter is optional when you are creating a symmetric encryption KMS key; otherwise, it is required."
  if (request.KeyUsage === undefined) {
    if (keySpec === SYMMETRIC_KIND.keySpec) return SYMMETRIC_KIND;
    throw new ValidationException('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
  }
  const keyUsage = request.KeyUsage as KeyUsage;
  // symm-asymm-choose-key-spec: each KeySpec offers only its own key usages.
  if (row.usages[keyUsage] === undefined) throw new ValidationException(`KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}`);
  return { keySpec, keyUsage };
}

export function kindOf(key: KmsKeyRecord): KeyKind {
  return (key.kind as KeyKind | undefined) ?? SYMMETRIC_KIND;
}

export function isSymmetricEncryptionKey(key: KmsKeyRecord): boolean {
  return kindOf(key).keySpec === SYMMETRIC_KIND.keySpec;
}

/** API_Sign and others: a key whose KeyUsage is not the operation's is InvalidKeyUsageException (the message real KMS sends). */
export function requireKeyUsage(key: KmsKeyRecord, usage: KeyUsage, operation: string): KeyKind {
  const kind = kindOf(key);
  if (kind.keyUsage !== usage) throw new InvalidKeyUsageException(`${key.arn} key usage is ${kind.keyUsage} which is not valid for ${operation}.`);
  return kind;
}

/**
 * API_GenerateDataKey: "you must specify a symmetric encryption KMS key"; an asymmetric or HMAC key is
 * InvalidKeyUsageException. SIM: the message for an asymmetric ENCRYPT_DECRYPT key is the simulator's.
 */
export function requireSymmetricEncryptionKey(key: KmsKeyRecord, operation: string): void {
  const kind = kindOf(key);
  if (kind.keyUsage !== KeyUsage.ENCRYPT_DECRYPT) throw new InvalidKeyUsageException(`${key.arn} key usage is ${kind.keyUsage} which is not valid for ${operation}.`);
  if (kind.keySpec !== SYMMETRIC_KIND.keySpec) {
    throw new InvalidKeyUsageException(`${key.arn} key spec is ${kind.keySpec} which is not valid for ${operation}: ${operation} needs a symmetric encryption key (SYMMETRIC_DEFAULT).`);
  }
}

/** InvalidKeyUsageException: "The encryption algorithm or signing algorithm specified for the operation is incompatible with the type of key material in the KMS key (KeySpec)". */
export function requireAlgorithm(kind: KeyKind, algorithm: string, offered: readonly string[] | undefined): void {
  if (!(offered ?? []).includes(algorithm)) throw new InvalidKeyUsageException(`Algorithm ${algorithm} is incompatible with key spec ${kind.keySpec}.`);
}
