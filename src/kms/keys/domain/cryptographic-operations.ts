// The KMS operations that use a key's material (API_KeyLastUsageData Operation lists them): tracked by
// GetKeyLastUsage, and recorded by CloudTrail as read-only with no responseElements.

export const KEY_CRYPTOGRAPHIC_OPERATIONS: ReadonlySet<string> = new Set([
  'Decrypt',
  'DeriveSharedSecret',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'ReEncrypt',
  'Sign',
  'Verify',
  'VerifyMac',
]);
