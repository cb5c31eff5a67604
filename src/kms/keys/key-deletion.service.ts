// ScheduleKeyDeletion and CancelKeyDeletion (aws-behaviour 2.11), and the end of the waiting period: KMS
// deletes the key, its aliases, grants and material (a multi-Region key's shared material only with the
// last key of its set), then tries to delete the backing key from the cluster,
// best effort, and records what happened (4.3). The window waits on the simulated clock, so an experiment
// can schedule a deletion, act within the window (cancel it), and advance past it.

import { inject, injectable } from 'tsyringe';
import type { AlarmClock } from '../../shared/clock';
import { Tokens } from '../../shared/injection-tokens';
import type { Logger } from '../../shared/logger';
import { ValidationException } from '../kms.errors';
import type { KeyServiceEvents } from '../ports/key-service-events.port';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { applyKeyEvent, isLive, KeyOrigin, type BackingKeyDeletion, type KmsKeyRecord, type KmsScope } from './domain/kms-key';
import { KeyState, StoredKeyState } from './domain/kms-key.states';
import { KeySpecMaterial } from './asymmetric/key-spec-material';
import type { GrantRepository } from './grants/grant.repository';
import { KeyResolver } from './key-resolver';
import { KmsKeyFeatureTokens } from './kms-key-features.tokens';
import { hasLiveReplicas, primaryReleasedBy } from './multi-region/replica-deletion.rules';
import { materialOwner } from './rotation/key-material';
import type { KeyMaterialRepository } from './rotation/key-material.repository';
import type { KeyIdRequest, ScheduleKeyDeletionRequest, ScheduleKeyDeletionResponse } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

const DAY_MS = 24 * 60 * 60_000;
/** API_ScheduleKeyDeletion: "between 7 and 30, inclusive", default 30. */
const MIN_WINDOW_DAYS = 7;
const MAX_WINDOW_DAYS = 30;

/** Open question 29: a window outside 7-30 gets the model-validation message KMS's own model gives. */
function checkWindow(days: number): void {
  if (days < MIN_WINDOW_DAYS || days > MAX_WINDOW_DAYS) {
    const bound = days < MIN_WINDOW_DAYS ? `greater than or equal to ${MIN_WINDOW_DAYS}` : `less than or equal to ${MAX_WINDOW_DAYS}`;
    throw new ValidationException(`1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`);
  }
}

@injectable()
export class KeyDeletionService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto,
    @inject(Tokens.Clock) private readonly clock: AlarmClock,
    @inject(Tokens.Logger) private readonly logger: Logger,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly specMaterial: KeySpecMaterial,
    @inject(KmsKeyFeatureTokens.GrantRepository) private readonly grants: GrantRepository,
    @inject(KmsKeyFeatureTokens.KeyMaterialRepository) private readonly materials: KeyMaterialRepository,
    @inject(KmsKeyFeatureTokens.ServiceEvents) private readonly events: KeyServiceEvents,
  ) {}

  scheduleKeyDeletion(scope: KmsScope, input: ScheduleKeyDeletionRequest): ScheduleKeyDeletionResponse {
    const days = input.PendingWindowInDays ?? MAX_WINDOW_DAYS;
    checkWindow(days);
    const deletionDate = new Date(this.clock.now().getTime() + days * DAY_MS);
    const { key, waitsForReplicas } = this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'ScheduleKeyDeletion');
      if (key.multiRegion && hasLiveReplicas(key, this.repository.allKeys())) {
        this.repository.saveKey({ ...applyKeyEvent(key, 'scheduleDeletionAfterReplicas'), pendingWindowInDays: days });
        return { key, waitsForReplicas: true };
      }
      this.repository.saveKey({ ...applyKeyEvent(key, 'scheduleDeletion'), deletionDate, pendingWindowInDays: days });
      return { key, waitsForReplicas: false };
    });
    if (waitsForReplicas) return { KeyId: key.arn, KeyState: KeyState.PendingReplicaDeletion, PendingWindowInDays: days };
    this.waitOut(key.keyId, key.region, deletionDate);
    return { KeyId: key.arn, DeletionDate: deletionDate, KeyState: KeyState.PendingDeletion, PendingWindowInDays: days };
  }

  cancelKeyDeletion(scope: KmsScope, input: KeyIdRequest): { KeyId: string } {
    return this.repository.transaction(() => {
      const { deletionDate: _date, pendingWindowInDays: _days, ...key } = this.keys.require(scope, input.KeyId, 'CancelKeyDeletion');
      const materialGone = key.backing.origin === KeyOrigin.EXTERNAL && !key.backing.imported;
      this.repository.saveKey(applyKeyEvent(key, materialGone ? 'cancelDeletionWithoutMaterial' : 'cancelDeletion'));
      return { KeyId: key.arn };
    });
  }

  /** After a restart: every waiting period still running waits again for its date; one already past ends at once. */
  resumeScheduledDeletions(): void {
    for (const key of this.repository.allKeys()) {
      if (key.state === StoredKeyState.PendingDeletion && key.deletionDate) this.waitOut(key.keyId, key.region, key.deletionDate);
    }
  }

  private waitOut(keyId: string, region: string, deletionDate: Date): void {
    this.clock.at(deletionDate, () => this.endWindow(keyId, region, deletionDate));
  }

  private async endWindow(keyId: string, region: string, deletionDate: Date): Promise<void> {
    const deletedAt = this.clock.now();
    const deleted = this.repository.transaction(() => {
      const key = this.repository.getKey(keyId, region);
      // Cancelled, or scheduled again with another date, since this wait began.
      if (key?.state !== StoredKeyState.PendingDeletion || key.deletionDate?.getTime() !== deletionDate.getTime()) return undefined;
      const { deletionDate: _date, pendingWindowInDays: _days, ...rest } = key;
      const record: KmsKeyRecord = { ...applyKeyEvent(rest, 'deletionWindowEnded'), deletion: { deletedAt } };
      this.repository.saveKey(record);
      this.grants.deleteGrantsOf(key.accountId, key.region, keyId);
      // A multi-Region key's material stays while another key of its set lives (imported material is each key's own).
      if (materialOwner(key) !== keyId) this.materials.deleteVersionsOf(materialOwner(key));
      const sibling = key.multiRegion !== undefined && this.repository.allKeys().some((other) => other.keyId === keyId && other.region !== key.region && isLive(other));
      if (!sibling) {
        this.repository.deleteMaterial(keyId);
        this.specMaterial.delete(keyId);
        this.materials.deleteVersionsOf(keyId);
        this.materials.deleteRotation(keyId);
      }
      // deleting-keys: "AWS KMS deletes the KMS key, its aliases, and all related AWS KMS metadata".
      for (const alias of this.repository.aliasesOf(key.accountId, key.region)) {
        if (alias.targetKeyId === keyId) this.repository.deleteAlias(key.accountId, key.region, alias.aliasName);
      }
      return record;
    });
    if (!deleted) return;
    if (deleted.multiRegion) this.releasePrimary(deleted, deletedAt);
    const backingKey = await this.deleteBackingKey(deleted);
    if (backingKey) this.repository.transaction(() => this.repository.saveKey({ ...deleted, deletion: { deletedAt, backingKey } }));
    this.logger.log('info', 'KMS key deleted at the end of its waiting period', { keyArn: deleted.arn, ...(backingKey ? { backingKeyDeletion: backingKey } : {}) });
    // delete-cmk-keystore: "the result is recorded in the DeleteKey event in your AWS CloudTrail log".
    const { backing } = deleted;
    this.events.keyEvent({
      kind: 'DeleteKey',
      accountId: deleted.accountId,
      region: deleted.region,
      keyArn: deleted.arn,
      eventTime: deletedAt,
      ...(backingKey && backing.origin === KeyOrigin.AWS_CLOUDHSM
        ? { backingKey: { customKeyStoreId: backing.customKeyStoreId, cloudHsmClusterId: backing.cloudHsmClusterId, handle: backing.handle, deletion: backingKey } }
        : {}),
    });
  }

  /** The last replica of a primary key in PendingReplicaDeletion is gone: the primary's waiting period begins now. */
  private releasePrimary(replica: KmsKeyRecord, now: Date): void {
    const released = this.repository.transaction(() => {
      const primary = primaryReleasedBy(replica, this.repository.allKeys());
      if (!primary) return undefined;
      const deletionDate = new Date(now.getTime() + (primary.pendingWindowInDays ?? MAX_WINDOW_DAYS) * DAY_MS);
      const scheduled = { ...applyKeyEvent(primary, 'replicasDeleted'), deletionDate };
      this.repository.saveKey(scheduled);
      return scheduled;
    });
    if (released) this.waitOut(released.keyId, released.region, released.deletionDate);
  }

  /** 4.3: best effort; it fails when the store is not connected. Undefined for AWS_KMS keys (no backing key). */
  private async deleteBackingKey(key: KmsKeyRecord): Promise<BackingKeyDeletion | undefined> {
    const { backing } = key;
    if (backing.origin !== KeyOrigin.AWS_CLOUDHSM) return undefined;
    if (!this.crypto.isConnected(backing.customKeyStoreId)) return 'failed';
    try {
      return await this.crypto.deleteBackingKey(backing.customKeyStoreId, backing.handle);
    } catch (error) {
      this.logger.log('warn', 'deleting a backing key failed', { keyArn: key.arn, error: String(error) });
      return 'failed';
    }
  }
}
