// Injection tokens of the asymmetric and HMAC key services' ports; the composition root (src/main) registers them.

export const AsymmetricKeyTokens = {
  /** A KeySpecMaterialRepository (SqliteKeySpecMaterialRepository over the control plane's database). */
  MaterialRepository: Symbol('KmsKeySpecMaterialRepository'),
} as const;
