// DescribeKey (aws-behaviour 2.8: every key state, every store state) and ListKeys (2.12).

import { inject, injectable } from 'tsyringe';
import { markerPage } from './domain/marker-page';
import { isLive, type KmsScope } from './domain/kms-key';
import { KeyResolver } from './key-resolver';
import type { DescribeKeyRequest, KeyMetadataResponse, ListKeysRequest, ListKeysResponse } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

/** API_ListKeys: Limit defaults to 100. */
const DEFAULT_LIMIT = 100;

@injectable()
export class KeyQueryService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
  ) {}

  describeKey(scope: KmsScope, input: DescribeKeyRequest): KeyMetadataResponse {
    return { KeyMetadata: this.keys.metadataOf(this.keys.require(scope, input.KeyId, 'DescribeKey')) };
  }

  listKeys(scope: KmsScope, input: ListKeysRequest): ListKeysResponse {
    const live = this.repository.keysOf(scope.accountId, scope.region).filter(isLive);
    const { items, ...page } = markerPage(live, input.Limit ?? DEFAULT_LIMIT, input.Marker);
    return { Keys: items.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })), ...page };
  }

  /** The Regions where the account has keys not yet deleted (the web console's Region picker). */
  regionsInUse(accountId: string): string[] {
    return [...new Set(this.repository.allKeys().filter((key) => key.accountId === accountId && isLive(key)).map((key) => key.region))];
  }
}
