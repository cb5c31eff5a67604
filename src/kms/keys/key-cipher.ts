// Encrypts and decrypts under a KMS key of any origin, in the ciphertext format of
// domain/ciphertext-format.ts: AWS_KMS and EXTERNAL keys here with the version of their material the blob
// names (rotation/key-materials.ts), AWS_CLOUDHSM keys inside the store's HSMs with their backing key
// (aws-behaviour 4.2).

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { InvalidCiphertextException } from '../kms.errors';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { gcmOpen, gcmSeal, type GcmSealed } from './aes-256-gcm';
import { ciphertextAad, encodeCiphertext, type CiphertextParts } from './domain/ciphertext-format';
import type { EncryptionContext } from './domain/encryption-context';
import { KeyOrigin, type LiveKeyRecord } from './domain/kms-key';
import { KmsKeyTokens } from './kms-key.tokens';
import { KeyMaterials } from './rotation/key-materials';

@injectable()
export class KeyCipher {
  constructor(
    @inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto,
    @inject(KeyMaterials) private readonly materials: KeyMaterials,
  ) {}

  /** The ciphertext blob of `plaintext` under `key`, bound to `context`. */
  async encrypt(key: LiveKeyRecord, plaintext: Buffer, context: EncryptionContext | undefined): Promise<Buffer> {
    const { backing } = key;
    if (backing.origin !== KeyOrigin.AWS_CLOUDHSM) {
      const sealed = this.materials.withCurrent({ ...key, backing }, (material, keyMaterialId): GcmSealed & { keyMaterialId: string } => ({
        keyMaterialId,
        ...gcmSeal(material, plaintext, ciphertextAad(key.keyId, context, keyMaterialId)),
      }));
      return encodeCiphertext({ keyId: key.keyId, ...sealed });
    }
    const result = await this.crypto.encrypt(backing.customKeyStoreId, backing.handle, plaintext, ciphertextAad(key.keyId, context));
    return encodeCiphertext({ keyId: key.keyId, iv: result.iv, sealed: result.ciphertext });
  }

  /**
   * The plaintext of a blob of `key`. A tag that does not verify (another context, a changed byte) is
   * InvalidCiphertextException: here for AWS_KMS keys, from KeyStoreCrypto.decrypt for AWS_CLOUDHSM keys.
   */
  async decrypt(key: LiveKeyRecord, parts: CiphertextParts, context: EncryptionContext | undefined): Promise<Buffer> {
    const aad = ciphertextAad(parts.keyId, context, parts.keyMaterialId);
    const { backing } = key;
    if (backing.origin === KeyOrigin.AWS_CLOUDHSM) {
      return this.crypto.decrypt(backing.customKeyStoreId, backing.handle, { iv: parts.iv, ciphertext: parts.sealed }, aad);
    }
    const plaintext = this.materials.withVersion({ ...key, backing }, parts.keyMaterialId, (material) => gcmOpen(material, parts, aad));
    if (plaintext === undefined) {
      throw new InvalidCiphertextException('The ciphertext does not decrypt under its key with this encryption context: pass the encryption context it was encrypted with.');
    }
    return plaintext;
  }

  /** Fresh random bytes for a data key: from the store's HSMs for an AWS_CLOUDHSM key. */
  async dataKey(key: LiveKeyRecord, length: number): Promise<Buffer> {
    const { backing } = key;
    return backing.origin === KeyOrigin.AWS_CLOUDHSM ? this.crypto.random(backing.customKeyStoreId, length) : randomBytes(length);
  }

  /** The KeyMaterialId of the material that made `parts` (Decrypt, ReEncrypt report it); none for AWS_CLOUDHSM keys. */
  materialIdOf(key: LiveKeyRecord, parts: CiphertextParts): string | undefined {
    const { backing } = key;
    return backing.origin === KeyOrigin.AWS_CLOUDHSM ? undefined : this.materials.materialIdOf({ ...key, backing }, parts.keyMaterialId);
  }
}
