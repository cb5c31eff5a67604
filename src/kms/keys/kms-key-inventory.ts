// How many KMS keys a custom key store holds, for DeleteCustomKeyStore (aws-behaviour 2.6:
// CustomKeyStoreHasCMKsException while any key remains, PendingDeletion ones included). It depends on the
// repository only, so the custom key store service can use it without depending on the key services.

import { inject, injectable } from 'tsyringe';
import { isLive, KeyOrigin } from './domain/kms-key';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

@injectable()
export class KmsKeyInventory {
  constructor(@inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository) {}

  keysInStore(customKeyStoreId: string): number {
    return this.repository
      .allKeys()
      .filter((key) => isLive(key) && key.backing.origin === KeyOrigin.AWS_CLOUDHSM && key.backing.customKeyStoreId === customKeyStoreId).length;
  }

  /** The ARNs of every key of the store with a record, deleted ones included (their backing keys are named in the deletion record). */
  keyArnsInStore(customKeyStoreId: string): Set<string> {
    return new Set(
      this.repository
        .allKeys()
        .filter((key) => key.backing.origin === KeyOrigin.AWS_CLOUDHSM && key.backing.customKeyStoreId === customKeyStoreId)
        .map((key) => key.arn),
    );
  }
}
