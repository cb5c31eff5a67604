// Encrypt, Decrypt and ReEncrypt (aws-behaviour 2.9). Decrypt finds the key in the ciphertext; a KeyId, when
// given, must name that key. Plaintexts never reach a log or an error.

import { inject, injectable } from 'tsyringe';
import { IncorrectKeyException } from '../kms.errors';
import { SYMMETRIC_DEFAULT } from './domain/create-key.rules';
import { decodeCiphertext, type CiphertextParts } from './domain/ciphertext-format';
import { checkSymmetricAlgorithm, dryRunSucceeded, missingMember, refuseRecipient } from './domain/crypto-request.rules';
import { keyMaterialIdOf, type KmsScope, type LiveKeyRecord } from './domain/kms-key';
import type { KeyOperation } from './domain/kms-key.states';
import { ReEncryptAcrossKindsService } from './asymmetric/re-encrypt-across-kinds.service';
import { RsaEncryptionService } from './asymmetric/rsa-encryption.service';
import { isSymmetricEncryptionKey } from './domain/key-kind.rules';
import { KeyCipher } from './key-cipher';
import { KeyResolver } from './key-resolver';
import type { DecryptRequest, DecryptResponse, EncryptRequest, EncryptResponse, ReEncryptRequest, ReEncryptResponse } from './kms-key.shapes';

type DryRunnable = { readonly DryRun?: boolean; readonly DryRunModifiers?: readonly string[] };

/** API_Decrypt DryRunModifiers: IGNORE_CIPHERTEXT checks the named key only, not the ciphertext. */
function ignoresCiphertext(input: DryRunnable): boolean {
  return input.DryRun === true && (input.DryRunModifiers ?? []).includes('IGNORE_CIPHERTEXT');
}

@injectable()
export class KeyCryptoService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeyCipher) private readonly cipher: KeyCipher,
    @inject(RsaEncryptionService) private readonly rsa: RsaEncryptionService,
    @inject(ReEncryptAcrossKindsService) private readonly acrossKinds: ReEncryptAcrossKindsService,
  ) {}

  async encrypt(scope: KmsScope, input: EncryptRequest): Promise<EncryptResponse> {
    const key = this.keys.require(scope, input.KeyId, 'Encrypt');
    if (!isSymmetricEncryptionKey(key)) return this.rsa.encrypt(key, input);
    checkSymmetricAlgorithm(key.arn, input.EncryptionAlgorithm);
    if (input.DryRun) throw dryRunSucceeded();
    const CiphertextBlob = await this.cipher.encrypt(key, input.Plaintext, input.EncryptionContext);
    return { CiphertextBlob, KeyId: key.arn, EncryptionAlgorithm: SYMMETRIC_DEFAULT };
  }

  async decrypt(scope: KmsScope, input: DecryptRequest): Promise<DecryptResponse> {
    refuseRecipient(input.Recipient);
    // API_Decrypt KeyId: "required when you decrypt with an asymmetric KMS key".
    if (input.KeyId !== undefined && !isSymmetricEncryptionKey(this.keys.find(scope, input.KeyId, 'Decrypt'))) return this.rsa.decrypt(scope, { ...input, KeyId: input.KeyId });
    const { key, parts } = this.source(scope, 'Decrypt', input.CiphertextBlob, input.KeyId, ignoresCiphertext(input));
    checkSymmetricAlgorithm(key.arn, input.EncryptionAlgorithm);
    if (input.DryRun || parts === undefined) throw dryRunSucceeded();
    const Plaintext = await this.cipher.decrypt(key, parts, input.EncryptionContext);
    // API_Decrypt: KeyMaterialId "the identifier of the key material used to decrypt the ciphertext".
    const KeyMaterialId = this.cipher.materialIdOf(key, parts);
    return { KeyId: key.arn, Plaintext, EncryptionAlgorithm: SYMMETRIC_DEFAULT, ...(KeyMaterialId ? { KeyMaterialId } : {}) };
  }

  /** Decrypts under the source key and encrypts under the destination key; the plaintext stays here. */
  async reEncrypt(scope: KmsScope, input: ReEncryptRequest): Promise<ReEncryptResponse> {
    if (this.acrossKinds.applies(scope, input)) return this.acrossKinds.reEncrypt(scope, input);
    const source = this.source(scope, 'ReEncrypt', input.CiphertextBlob, input.SourceKeyId, ignoresCiphertext(input));
    checkSymmetricAlgorithm(source.key.arn, input.SourceEncryptionAlgorithm);
    const destination = this.keys.require(scope, input.DestinationKeyId, 'ReEncrypt');
    checkSymmetricAlgorithm(destination.arn, input.DestinationEncryptionAlgorithm);
    if (input.DryRun || source.parts === undefined) throw dryRunSucceeded();
    const plaintext = await this.cipher.decrypt(source.key, source.parts, input.SourceEncryptionContext);
    try {
      const CiphertextBlob = await this.cipher.encrypt(destination, plaintext, input.DestinationEncryptionContext);
      const SourceKeyMaterialId = this.cipher.materialIdOf(source.key, source.parts);
      const DestinationKeyMaterialId = keyMaterialIdOf(destination);
      return {
        CiphertextBlob,
        SourceKeyId: source.key.arn,
        KeyId: destination.arn,
        SourceEncryptionAlgorithm: SYMMETRIC_DEFAULT,
        DestinationEncryptionAlgorithm: SYMMETRIC_DEFAULT,
        ...(SourceKeyMaterialId ? { SourceKeyMaterialId } : {}),
        ...(DestinationKeyMaterialId ? { DestinationKeyMaterialId } : {}),
      };
    } finally {
      plaintext.fill(0);
    }
  }

  /** The key that decrypts `blob`, allowed for `operation`; no parts only when a dry run ignores the ciphertext. */
  private source(scope: KmsScope, operation: KeyOperation, blob: Buffer | undefined, keyId: string | undefined, ignoreCiphertext: boolean): { key: LiveKeyRecord; parts?: CiphertextParts } {
    const named = keyId === undefined ? undefined : this.keys.find(scope, keyId, operation);
    if (named && ignoreCiphertext) {
      this.keys.allow(named, operation);
      return { key: named };
    }
    if (blob === undefined) throw missingMember('ciphertextBlob');
    const parts = decodeCiphertext(blob);
    const key = named ?? this.keys.ciphertextKey(scope, parts.keyId);
    // API_Decrypt: with a KeyId, "if you specify a different KMS key, the Decrypt operation fails".
    if (key.keyId !== parts.keyId) throw new IncorrectKeyException('The key ID in the request does not identify a KMS key that can perform this operation.');
    this.keys.allow(key, operation);
    return { key, parts };
  }
}
