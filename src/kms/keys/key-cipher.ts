// Encrypts and decrypts under a KMS key of either origin, in the ciphertext format of
// domain/ciphertext-format.ts: AWS_KMS keys here with their unsealed material, AWS_CLOUDHSM keys inside the
// store's HSMs with their backing key (aws-behaviour 4.2).

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { InvalidCiphertextException } from '../kms.errors';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { gcmOpen, gcmSeal, type GcmSealed } from './aes-256-gcm';
import { ciphertextAad, encodeCiphertext, type CiphertextParts } from './domain/ciphertext-format';
import type { EncryptionContext } from './domain/encryption-context';
import { KeyOrigin, type LiveKeyRecord } from './domain/kms-key';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KeyMaterialVault } from './ports/key-material-vault.port';
import type { KmsKeyRepository } from './ports/kms-key.repository';

@injectable()
export class KeyCipher {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyMaterialVault) private readonly vault: KeyMaterialVault,
    @inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto,
  ) {}

  /** The ciphertext blob of `plaintext` under `key`, bound to `context`. */
  async encrypt(key: LiveKeyRecord, plaintext: Buffer, context: EncryptionContext | undefined): Promise<Buffer> {
    const aad = ciphertextAad(key.keyId, context);
    const { backing } = key;
    let sealed: GcmSealed;
    if (backing.origin === KeyOrigin.AWS_KMS) {
      sealed = this.withMaterial(key, (material) => gcmSeal(material, plaintext, aad));
    } else {
      const result = await this.crypto.encrypt(backing.customKeyStoreId, backing.handle, plaintext, aad);
      sealed = { iv: result.iv, sealed: result.ciphertext };
    }
    return encodeCiphertext({ keyId: key.keyId, ...sealed });
  }

  /**
   * The plaintext of a blob of `key`. A tag that does not verify (another context, a changed byte) is
   * InvalidCiphertextException: here for AWS_KMS keys, from KeyStoreCrypto.decrypt for AWS_CLOUDHSM keys.
   */
  async decrypt(key: LiveKeyRecord, parts: CiphertextParts, context: EncryptionContext | undefined): Promise<Buffer> {
    const aad = ciphertextAad(parts.keyId, context);
    const { backing } = key;
    if (backing.origin === KeyOrigin.AWS_CLOUDHSM) {
      return this.crypto.decrypt(backing.customKeyStoreId, backing.handle, { iv: parts.iv, ciphertext: parts.sealed }, aad);
    }
    const plaintext = this.withMaterial(key, (material) => gcmOpen(material, parts, aad));
    if (plaintext === undefined) {
      throw new InvalidCiphertextException('The ciphertext does not decrypt under its key with this encryption context: pass the encryption context it was encrypted with.');
    }
    return plaintext;
  }

  /** Fresh random bytes for a data key: from the store's HSMs for an AWS_CLOUDHSM key. */
  async dataKey(key: LiveKeyRecord, length: number): Promise<Buffer> {
    const { backing } = key;
    return backing.origin === KeyOrigin.AWS_KMS ? randomBytes(length) : this.crypto.random(backing.customKeyStoreId, length);
  }

  private withMaterial<T>(key: LiveKeyRecord, use: (material: Buffer) => T): T {
    const sealed = this.repository.getMaterial(key.keyId);
    if (sealed === undefined) throw new Error(`no key material is stored for ${key.arn}`);
    const material = this.vault.open(sealed);
    try {
      return use(material);
    } finally {
      material.fill(0);
    }
  }
}
