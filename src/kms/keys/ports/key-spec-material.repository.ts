// Where the material of keys whose KeySpec is not SYMMETRIC_DEFAULT is kept: apart from the symmetric keys'
// material, sealed by the same KeyMaterialVault.

export interface SealedKeySpecMaterial {
  readonly [key: string]: unknown;
  readonly keySpec: string;
  /** The vault's seal of the secret: a PKCS#8 DER private key, an HMAC key, or an ML-DSA seed. */
  readonly sealed: Buffer;
  /** DER SubjectPublicKeyInfo; asymmetric keys only. Public, so not sealed. */
  readonly publicKey?: Buffer;
}

export interface KeySpecMaterialRepository {
  get(keyId: string): SealedKeySpecMaterial | undefined;
  /** Inside the KmsKeyRepository's transaction when both share a database. */
  save(keyId: string, material: SealedKeySpecMaterial): void;
  delete(keyId: string): void;
}
