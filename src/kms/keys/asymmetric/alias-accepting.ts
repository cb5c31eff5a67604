// API_Sign, API_Verify, API_GetPublicKey, API_GenerateMac, API_VerifyMac, API_DeriveSharedSecret,
// API_GenerateDataKeyPair(WithoutPlaintext): "To specify a KMS key, use its key ID, key ARN, alias name, or alias ARN".

import type { KeyOperation } from '../domain/kms-key.states';

export const ASYMMETRIC_ALIAS_ACCEPTING: readonly KeyOperation[] = [
  'Sign',
  'Verify',
  'GetPublicKey',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
];
