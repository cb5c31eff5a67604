// GenerateRandom (aws-behaviour 2.10): with CustomKeyStoreId the bytes come from the store's HSMs, which
// needs the store CONNECTED; without, from the simulator's own CSPRNG.

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { requireConnectedStore } from './connected-store';
import { missingMember, refuseRecipient } from './domain/crypto-request.rules';
import type { KmsScope } from './domain/kms-key';
import type { GenerateRandomRequest, GenerateRandomResponse } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';

@injectable()
export class RandomService {
  constructor(@inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto) {}

  async generateRandom(scope: KmsScope, input: GenerateRandomRequest): Promise<GenerateRandomResponse> {
    refuseRecipient(input.Recipient);
    // API_GenerateRandom documents NumberOfBytes as required; the model does not mark it.
    if (input.NumberOfBytes === undefined) throw missingMember('numberOfBytes');
    const storeId = input.CustomKeyStoreId;
    if (storeId === undefined) return { Plaintext: randomBytes(input.NumberOfBytes) };
    requireConnectedStore(this.crypto, scope, storeId, 'GenerateRandom');
    return { Plaintext: await this.crypto.random(storeId, input.NumberOfBytes) };
  }
}
