// GenerateDataKey and GenerateDataKeyWithoutPlaintext (aws-behaviour 2.9; open question 9: supported for
// CloudHSM-store keys, as the developer guide says). For an AWS_CLOUDHSM key the data key's bytes come from
// the store's HSMs and are encrypted there.

import { inject, injectable } from 'tsyringe';
import { dataKeyLength, dryRunSucceeded, refuseRecipient } from './domain/crypto-request.rules';
import { requireSymmetricEncryptionKey } from './domain/key-kind.rules';
import { keyMaterialIdOf, type KmsScope } from './domain/kms-key';
import type { KeyOperation } from './domain/kms-key.states';
import { KeyCipher } from './key-cipher';
import { KeyResolver } from './key-resolver';
import type { GenerateDataKeyRequest, GenerateDataKeyResponse, GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse } from './kms-key.shapes';

@injectable()
export class DataKeyService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeyCipher) private readonly cipher: KeyCipher,
  ) {}

  async generateDataKey(scope: KmsScope, input: GenerateDataKeyRequest): Promise<GenerateDataKeyResponse> {
    refuseRecipient(input.Recipient);
    return this.generate(scope, input, 'GenerateDataKey', (Plaintext, sealed) => ({ ...sealed, Plaintext }));
  }

  async generateDataKeyWithoutPlaintext(scope: KmsScope, input: GenerateDataKeyWithoutPlaintextRequest): Promise<GenerateDataKeyWithoutPlaintextResponse> {
    return this.generate(scope, input, 'GenerateDataKeyWithoutPlaintext', (plaintext, sealed) => {
      plaintext.fill(0);
      return sealed;
    });
  }

  private async generate<T>(
    scope: KmsScope,
    input: GenerateDataKeyWithoutPlaintextRequest,
    operation: KeyOperation,
    answer: (plaintext: Buffer, sealed: GenerateDataKeyWithoutPlaintextResponse) => T,
  ): Promise<T> {
    const length = dataKeyLength(input);
    const key = this.keys.require(scope, input.KeyId, operation);
    requireSymmetricEncryptionKey(key, operation);
    if (input.DryRun) throw dryRunSucceeded();
    const plaintext = await this.cipher.dataKey(key, length);
    const CiphertextBlob = await this.cipher.encrypt(key, plaintext, input.EncryptionContext);
    const KeyMaterialId = keyMaterialIdOf(key);
    return answer(plaintext, { CiphertextBlob, KeyId: key.arn, ...(KeyMaterialId ? { KeyMaterialId } : {}) });
  }
}
