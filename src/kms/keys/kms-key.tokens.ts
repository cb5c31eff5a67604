// Injection tokens of the KMS key services' ports; the composition root (src/main) registers them.

export const KmsKeyTokens = {
  /** A KmsKeyRepository (SqliteKmsKeyRepository over the control plane's database). */
  KeyRepository: Symbol('KmsKeyRepository'),
  /** A KeyMaterialVault (AesGcmKeyMaterialVault over the master key file). */
  KeyMaterialVault: Symbol('KeyMaterialVault'),
  /** The custom key store service's KeyStoreCrypto (src/kms/ports/key-store-crypto.port.ts). */
  KeyStoreCrypto: Symbol('KmsKeyStoreCrypto'),
  /** An IdGenerator for key ids. */
  IdGenerator: Symbol('KmsKeyIdGenerator'),
} as const;
