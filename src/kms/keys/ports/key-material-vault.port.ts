// Seals the 32-byte material of AWS_KMS keys before it reaches the database, under the simulator's
// master key (a file in the data directory), so the SQLite file alone does not hold usable keys.

export interface KeyMaterialVault {
  seal(material: Buffer): Buffer;
  /** Throws when `sealed` was not sealed under this vault's master key. */
  open(sealed: Buffer): Buffer;
}
