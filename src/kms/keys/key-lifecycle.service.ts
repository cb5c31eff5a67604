// EnableKey, DisableKey (aws-behaviour 2.13) and UpdateKeyDescription. On an Unavailable key the change is
// recorded and shows once the store reconnects (key-state footnote: "takes effect on reconnect").

import { inject, injectable } from 'tsyringe';
import { applyKeyEvent, type KmsScope } from './domain/kms-key';
import type { KeyEvent, KeyOperation } from './domain/kms-key.states';
import { KeyResolver } from './key-resolver';
import type { Empty, KeyIdRequest, UpdateKeyDescriptionRequest } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

@injectable()
export class KeyLifecycleService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
  ) {}

  enableKey(scope: KmsScope, input: KeyIdRequest): Empty {
    return this.apply(scope, input.KeyId, 'EnableKey', 'enable');
  }

  disableKey(scope: KmsScope, input: KeyIdRequest): Empty {
    return this.apply(scope, input.KeyId, 'DisableKey', 'disable');
  }

  updateKeyDescription(scope: KmsScope, input: UpdateKeyDescriptionRequest): Empty {
    this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'UpdateKeyDescription');
      this.repository.saveKey({ ...key, description: input.Description });
    });
    return {};
  }

  private apply(scope: KmsScope, keyId: string, operation: KeyOperation, event: KeyEvent): Empty {
    this.repository.transaction(() => this.repository.saveKey(applyKeyEvent(this.keys.require(scope, keyId, operation), event)));
    return {};
  }
}
