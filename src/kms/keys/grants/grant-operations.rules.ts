// Which grant operations and constraints a key allows (API_CreateGrant: "if the grant allows an operation
// that the KMS key does not support, CreateGrant fails with a ValidationException"), by key kind.

import { ValidationException } from '../../kms.errors';
import type { GrantConstraints } from './grant';

type KeyKind = 'SYMMETRIC_ENCRYPTION' | 'ASYMMETRIC_ENCRYPTION' | 'SIGN_VERIFY' | 'HMAC' | 'KEY_AGREEMENT';

const ALWAYS = ['CreateGrant', 'RetireGrant', 'DescribeKey'] as const;

// grants.html#terms-grant-operations: the grant operations each kind of KMS key supports.
const OPERATIONS: Readonly<Record<KeyKind, ReadonlySet<string>>> = {
  SYMMETRIC_ENCRYPTION: new Set([
    'Decrypt',
    'Encrypt',
    'GenerateDataKey',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'ReEncryptFrom',
    'ReEncryptTo',
    ...ALWAYS,
  ]),
  ASYMMETRIC_ENCRYPTION: new Set(['Decrypt', 'Encrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey', ...ALWAYS]),
  SIGN_VERIFY: new Set(['Sign', 'Verify', 'GetPublicKey', ...ALWAYS]),
  HMAC: new Set(['GenerateMac', 'VerifyMac', ...ALWAYS]),
  KEY_AGREEMENT: new Set(['DeriveSharedSecret', 'GetPublicKey', ...ALWAYS]),
};

/** API_GrantConstraints: "Each constraint value can include up to 8 encryption context pairs". */
const MAX_CONSTRAINT_PAIRS = 8;

function kindOf(keySpec: string, keyUsage: string): KeyKind {
  if (keyUsage === 'SIGN_VERIFY') return 'SIGN_VERIFY';
  if (keyUsage === 'GENERATE_VERIFY_MAC') return 'HMAC';
  if (keyUsage === 'KEY_AGREEMENT') return 'KEY_AGREEMENT';
  return keySpec === 'SYMMETRIC_DEFAULT' ? 'SYMMETRIC_ENCRYPTION' : 'ASYMMETRIC_ENCRYPTION';
}

export function checkGrantRequest(key: { readonly KeySpec: string; readonly KeyUsage: string }, operations: readonly string[], constraints: GrantConstraints | undefined): void {
  const kind = kindOf(key.KeySpec, key.KeyUsage);
  if (operations.length === 0) throw new ValidationException('1 validation error detected: Value \'[]\' at \'operations\' failed to satisfy constraint: Member must have length greater than or equal to 1');
  const refused = operations.filter((operation) => !OPERATIONS[kind].has(operation));
  if (refused.length > 0) {
    throw new ValidationException(`Grant operations ${refused.join(', ')} are not valid for a ${key.KeySpec} key with KeyUsage ${key.KeyUsage}; it allows ${[...OPERATIONS[kind]].join(', ')}.`);
  }
  if (!constraints || (constraints.EncryptionContextEquals === undefined && constraints.EncryptionContextSubset === undefined)) return;
  // API_GrantConstraints: "You cannot use an encryption context grant constraint for cryptographic operations with asymmetric KMS keys or HMAC KMS keys."
  if (kind !== 'SYMMETRIC_ENCRYPTION') throw new ValidationException(`Encryption context grant constraints are valid only on symmetric encryption keys, not on a ${key.KeySpec} key.`);
  for (const [name, context] of Object.entries(constraints)) {
    if (context && Object.keys(context).length > MAX_CONSTRAINT_PAIRS) {
      throw new ValidationException(`${name} has ${Object.keys(context).length} encryption context pairs; a grant constraint can have at most ${MAX_CONSTRAINT_PAIRS}.`);
    }
  }
}
