// ReEncrypt when the source or the destination key is asymmetric (API_ReEncrypt: "The source KMS key and
// destination KMS key can be different types. For example, you can decrypt a ciphertext with an asymmetric
// KMS key and re-encrypt it under a symmetric encryption KMS key."). Symmetric sides go through KeyCipher.

import { inject, injectable } from 'tsyringe';
import { IncorrectKeyException } from '../../kms.errors';
import { decodeCiphertext } from '../domain/ciphertext-format';
import { checkSymmetricAlgorithm, dryRunSucceeded, missingMember } from '../domain/crypto-request.rules';
import { isSymmetricEncryptionKey } from '../domain/key-kind.rules';
import { keyMaterialIdOf, type KmsScope, type LiveKeyRecord } from '../domain/kms-key';
import { KeyCipher } from '../key-cipher';
import { KeyResolver } from '../key-resolver';
import type { EncryptionAlgorithm, ReEncryptRequest, ReEncryptResponse } from '../kms-key.shapes';
import { RsaEncryptionService, type OaepAlgorithm } from './rsa-encryption.service';

const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';

@injectable()
export class ReEncryptAcrossKindsService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeyCipher) private readonly cipher: KeyCipher,
    @inject(RsaEncryptionService) private readonly rsa: RsaEncryptionService,
  ) {}

  /** Whether either key the request names is not a symmetric encryption key. */
  applies(scope: KmsScope, input: ReEncryptRequest): boolean {
    const named = [input.SourceKeyId, input.DestinationKeyId].filter((keyId): keyId is string => keyId !== undefined);
    return named.some((keyId) => !isSymmetricEncryptionKey(this.keys.find(scope, keyId, 'ReEncrypt')));
  }

  async reEncrypt(scope: KmsScope, input: ReEncryptRequest): Promise<ReEncryptResponse> {
    const source = this.sourceKey(scope, input);
    const sourceAlgorithm = this.algorithmFor(source, input.SourceEncryptionAlgorithm, input.SourceEncryptionContext);
    const destination = this.keys.require(scope, input.DestinationKeyId, 'ReEncrypt');
    const destinationAlgorithm = this.algorithmFor(destination, input.DestinationEncryptionAlgorithm, input.DestinationEncryptionContext);
    if (input.DryRun) throw dryRunSucceeded();
    const plaintext = isSymmetricEncryptionKey(source)
      ? await this.cipher.decrypt(source, decodeCiphertext(input.CiphertextBlob), input.SourceEncryptionContext)
      : this.rsa.decryptRaw(source, sourceAlgorithm as OaepAlgorithm, input.CiphertextBlob);
    try {
      const CiphertextBlob = isSymmetricEncryptionKey(destination)
        ? await this.cipher.encrypt(destination, plaintext, input.DestinationEncryptionContext)
        : this.rsa.encryptRaw(destination, destinationAlgorithm as OaepAlgorithm, plaintext);
      const SourceKeyMaterialId = keyMaterialIdOf(source);
      const DestinationKeyMaterialId = keyMaterialIdOf(destination);
      return {
        CiphertextBlob,
        SourceKeyId: source.arn,
        KeyId: destination.arn,
        SourceEncryptionAlgorithm: sourceAlgorithm,
        DestinationEncryptionAlgorithm: destinationAlgorithm,
        ...(SourceKeyMaterialId && isSymmetricEncryptionKey(source) ? { SourceKeyMaterialId } : {}),
        ...(DestinationKeyMaterialId && isSymmetricEncryptionKey(destination) ? { DestinationKeyMaterialId } : {}),
      };
    } finally {
      plaintext.fill(0);
    }
  }

  /** API_ReEncrypt SourceKeyId: "Enter a key ID of the KMS key that was used to encrypt the ciphertext" (required for asymmetric ciphertexts). */
  private sourceKey(scope: KmsScope, input: ReEncryptRequest): LiveKeyRecord {
    if (input.CiphertextBlob === undefined) throw missingMember('ciphertextBlob');
    if (input.SourceKeyId !== undefined) {
      const named = this.keys.find(scope, input.SourceKeyId, 'ReEncrypt');
      if (isSymmetricEncryptionKey(named) && named.keyId !== decodeCiphertext(input.CiphertextBlob).keyId) {
        throw new IncorrectKeyException('The key ID in the request does not identify a KMS key that can perform this operation.');
      }
      this.keys.allow(named, 'ReEncrypt');
      return named;
    }
    const key = this.keys.ciphertextKey(scope, decodeCiphertext(input.CiphertextBlob).keyId);
    this.keys.allow(key, 'ReEncrypt');
    return key;
  }

  private algorithmFor(key: LiveKeyRecord, requested: EncryptionAlgorithm | undefined, context: Record<string, string> | undefined): EncryptionAlgorithm {
    if (isSymmetricEncryptionKey(key)) {
      checkSymmetricAlgorithm(key.arn, requested);
      return SYMMETRIC_DEFAULT;
    }
    return this.rsa.checkAlgorithm(key, requested, context, 'ReEncrypt');
  }
}
