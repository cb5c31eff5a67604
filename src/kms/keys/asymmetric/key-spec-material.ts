// Makes, seals and opens the material of asymmetric and HMAC keys. Private keys and HMAC keys leave the
// vault only for the one operation that needs them and are never returned to a caller.

import { createPrivateKey, type KeyObject } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { keySpecRow, type KeyKind } from '../domain/key-spec.table';
import type { KmsKeyRecord } from '../domain/kms-key';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KeyMaterialVault } from '../ports/key-material-vault.port';
import type { KeySpecMaterialRepository, SealedKeySpecMaterial } from '../ports/key-spec-material.repository';
import { AsymmetricKeyTokens } from './asymmetric-key.tokens';
import { generateMaterial } from './key-material.generator';

@injectable()
export class KeySpecMaterial {
  constructor(
    @inject(AsymmetricKeyTokens.MaterialRepository) private readonly repository: KeySpecMaterialRepository,
    @inject(KmsKeyTokens.KeyMaterialVault) private readonly vault: KeyMaterialVault,
  ) {}

  /** Fresh material for a new key of `kind`, sealed, for save() in the key's creation transaction. */
  create(kind: KeyKind): SealedKeySpecMaterial {
    const row = keySpecRow(kind.keySpec);
    if (row === undefined) throw new Error(`unknown KeySpec ${kind.keySpec}`);
    const { secret, publicKey } = generateMaterial(row);
    try {
      return { keySpec: kind.keySpec, sealed: this.vault.seal(secret), ...(publicKey ? { publicKey } : {}) };
    } finally {
      secret.fill(0);
    }
  }

  save(keyId: string, material: SealedKeySpecMaterial): void {
    this.repository.save(keyId, material);
  }

  delete(keyId: string): void {
    this.repository.delete(keyId);
  }

  /** The key's DER SubjectPublicKeyInfo. */
  publicKey(key: KmsKeyRecord): Buffer {
    const { publicKey } = this.sealed(key);
    if (publicKey === undefined) throw new Error(`${key.arn} has no public key`);
    return publicKey;
  }

  /** The private key of an RSA, EC or Ed25519 key. */
  privateKey(key: KmsKeyRecord): KeyObject {
    return this.withSecret(key, (der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  }

  /** Runs `use` with the opened secret (HMAC key, ML-DSA seed, PKCS#8 DER) and zeroes it afterwards. */
  withSecret<T>(key: KmsKeyRecord, use: (secret: Buffer) => T): T {
    const secret = this.vault.open(this.sealed(key).sealed);
    try {
      return use(secret);
    } finally {
      secret.fill(0);
    }
  }

  private sealed(key: KmsKeyRecord): SealedKeySpecMaterial {
    const material = this.repository.get(key.keyId);
    if (material === undefined) throw new Error(`no key material is stored for ${key.arn}`);
    return material;
  }
}
