// GetKeyLastUsage (API_GetKeyLastUsage): the last cryptographic operation each key took part in, recorded
// by the endpoint's KMS handlers after every successful one (kms-key.handlers.ts). Uses are held in memory
// and written in one transaction by flush() (the composition root calls it every few seconds and at stop),
// so a cryptographic request never waits for a database commit of its own.
// SIM: tracking starts when the key is created (TrackingStartDate is its CreationDate), and a use is not
// linked to its CloudTrail event, so KeyLastUsage carries KmsRequestId but no CloudTrailEventId.

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../../shared/clock';
import { Tokens } from '../../../shared/injection-tokens';
import { KEY_CRYPTOGRAPHIC_OPERATIONS } from '../domain/cryptographic-operations';
import type { KmsScope } from '../domain/kms-key';
import { KeyResolver } from '../key-resolver';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import type { KeyIdRequest } from '../kms-key.shapes';
import type { KeyUsageRecord } from './key-usage';
import type { KeyUsageRepository } from './key-usage.repository';

export interface GetKeyLastUsageResponse {
  readonly KeyId: string;
  readonly KeyCreationDate: Date;
  readonly TrackingStartDate: Date;
  readonly KeyLastUsage?: { readonly Operation: string; readonly Timestamp: Date; readonly KmsRequestId?: string };
}

@injectable()
export class KeyUsageService {
  /** Uses recorded since the last flush, by key ARN. */
  private readonly pending = new Map<string, KeyUsageRecord>();

  constructor(
    @inject(KmsKeyFeatureTokens.KeyUsageRepository) private readonly usage: KeyUsageRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  /** Records that `operation` (a tracked one) just used the keys with these ARNs. */
  record(keyArns: readonly string[], operation: string, requestId: string | undefined): void {
    // API_KeyLastUsageData Operation: only operations that use the key's material are tracked.
    if (!KEY_CRYPTOGRAPHIC_OPERATIONS.has(operation)) return;
    const timestamp = this.clock.now();
    for (const keyArn of keyArns) this.pending.set(keyArn, { keyArn, operation, timestamp, ...(requestId ? { requestId } : {}) });
  }

  /** Writes the uses recorded since the last flush. */
  flush(): void {
    if (this.pending.size === 0) return;
    const usages = [...this.pending.values()];
    this.pending.clear();
    this.usage.saveAll(usages);
  }

  getKeyLastUsage(scope: KmsScope, input: KeyIdRequest): GetKeyLastUsageResponse {
    const key = this.keys.require(scope, input.KeyId, 'GetKeyLastUsage');
    const last = this.pending.get(key.arn) ?? this.usage.get(key.arn);
    return {
      KeyId: key.arn,
      KeyCreationDate: key.creationDate,
      TrackingStartDate: key.creationDate,
      ...(last ? { KeyLastUsage: { Operation: last.operation, Timestamp: last.timestamp, ...(last.requestId ? { KmsRequestId: last.requestId } : {}) } } : {}),
    };
  }
}
