// ScheduleKeyDeletion and CancelKeyDeletion; at the end of the waiting period the key, its aliases and its
// material go, and the backing key is deleted from the cluster, best effort, with the outcome recorded.
// The window waits on the simulated clock: it ends only when the clock reaches the deletion date.

import { join } from 'node:path';
import { expect } from 'chai';
import { ManualClock } from '../../../support/manual-clock';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, STORE_ID, storeKey, type KmsKeys } from './kms-keys-fixture';

const DAY = 24 * 60 * 60_000;

describe('KMS key deletion', () => {
  let kms: KmsKeys;

  afterEach(async () => {
    await kms.clock.stop();
    expect(kms.schedulerErrors).to.deep.equal([]);
    kms.database.close();
  });

  describe('scheduling', () => {
    beforeEach(() => {
      kms = createKmsKeys();
    });

    it('answers the deletion date, 30 days by default', async () => {
      const { keyId, arn } = await storeKey(kms);
      const answer = kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
      expect(answer).to.deep.equal({ KeyId: arn, DeletionDate: new Date(kms.clock.now().getTime() + 30 * DAY), KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
      await expectAwsError(() => kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    });

    it('takes 7 to 30 days (open question 29: ValidationException outside)', async () => {
      const { keyId } = await awsKmsKey(kms);
      await expectAwsError(
        () => kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 6 }),
        'ValidationException',
        "1 validation error detected: Value '6' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7",
      );
      await expectAwsError(() => kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 31 }), 'ValidationException', /less than or equal to 30$/);
      expect(kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 }).PendingWindowInDays).to.equal(7);
    });

    it('CancelKeyDeletion leaves the key Disabled, and only a pending key can be cancelled', async () => {
      const { keyId, arn } = await storeKey(kms);
      await expectAwsError(() => kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId }), 'KMSInvalidStateException', `${arn} is not pending deletion.`);
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
      expect(kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId })).to.deep.equal({ KeyId: arn });
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('Disabled');
    });

    it('counts a pending key in its store until the window ends', async () => {
      const { keyId } = await storeKey(kms);
      await awsKmsKey(kms);
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
      expect(kms.inventory.keysInStore(STORE_ID)).to.equal(1);
      expect(kms.inventory.keysInStore('cks-00000000000000000')).to.equal(0);
    });
  });

  describe('the waiting period', () => {
    beforeEach(() => {
      kms = createKmsKeys();
    });

    it('holds the key PendingDeletion until the clock is advanced past the deletion date', async () => {
      const { keyId, arn } = await awsKmsKey(kms);
      const { DeletionDate } = kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      await kms.clock.idle();
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
      expect(await kms.clock.advance(7 * DAY - 1)).to.equal(0);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
      expect(await kms.clock.advance(1)).to.equal(1);
      await expectAwsError(() => kms.query.describeKey(SCOPE, { KeyId: keyId }), 'NotFoundException', `Key '${arn}' does not exist`);
      expect(kms.repository.getKey(keyId)!.deletion).to.deep.equal({ deletedAt: DeletionDate });
    });

    it('keeps the key when CancelKeyDeletion comes within the window', async () => {
      const { keyId } = await storeKey(kms);
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      await kms.clock.advance(6 * DAY);
      kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
      await kms.clock.advance(30 * DAY);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('Disabled');
      expect(kms.crypto.backingKeys.size).to.equal(1);
    });

    it('ends only the latest window of a key scheduled, cancelled and scheduled again', async () => {
      const { keyId } = await awsKmsKey(kms);
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
      await kms.clock.advance(DAY);
      const { DeletionDate } = kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      await kms.clock.advance(6 * DAY);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
      await kms.clock.advance(DAY);
      expect(kms.repository.getKey(keyId)!.deletion).to.deep.equal({ deletedAt: DeletionDate });
    });

    it('deletes the key, its aliases and its backing key, and records that it did', async () => {
      const { keyId, arn } = await storeKey(kms);
      const [handle] = [...kms.crypto.backingKeys.keys()];
      kms.aliases.createAlias(SCOPE, { AliasName: 'alias/doomed', TargetKeyId: keyId });
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      await kms.clock.advance(7 * DAY);

      await expectAwsError(() => kms.query.describeKey(SCOPE, { KeyId: keyId }), 'NotFoundException', `Key '${arn}' does not exist`);
      expect(kms.aliases.listAliases(SCOPE, {}).Aliases).to.deep.equal([]);
      expect(kms.query.listKeys(SCOPE, {}).Keys).to.deep.equal([]);
      expect(kms.crypto.backingKeys.has(handle!)).to.equal(false);
      expect(kms.repository.getKey(keyId)!.deletion).to.deep.equal({ deletedAt: kms.clock.now(), backingKey: 'deleted' });
      expect(kms.inventory.keysInStore(STORE_ID)).to.equal(0);
      expect(kms.logs).to.deep.include({ level: 'info', message: 'KMS key deleted at the end of its waiting period', fields: { keyArn: arn, backingKeyDeletion: 'deleted' } });
      // 4.3: the trail's DeleteKey service event is told the backing key's fate.
      expect(kms.serviceEvents).to.deep.equal([
        {
          kind: 'DeleteKey',
          accountId: SCOPE.accountId,
          region: SCOPE.region,
          keyArn: arn,
          eventTime: kms.clock.now(),
          backingKey: { customKeyStoreId: STORE_ID, cloudHsmClusterId: 'cluster-igklspoyj5v', handle: handle!, deletion: 'deleted' },
        },
      ]);
    });

    const outcomes: [string, (kms: KmsKeys) => void, string][] = [
      ['the store is disconnected', (kms) => kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED'), 'failed'],
      ['the backing key is already gone from the cluster', (kms) => kms.crypto.backingKeys.clear(), 'not-found'],
      ['the cluster fails the deletion', (kms) => (kms.crypto.deletionThrows = true), 'failed'],
    ];
    for (const [when, arrange, outcome] of outcomes) {
      it(`still deletes the key when ${when}, recording "${outcome}"`, async () => {
        const { keyId } = await storeKey(kms);
        kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
        arrange(kms);
        await kms.clock.advance(30 * DAY);
        expect(kms.repository.getKey(keyId)!.deletion!.backingKey).to.equal(outcome);
        expect(kms.serviceEvents.map((event) => (event.kind === 'DeleteKey' ? event.backingKey?.deletion : undefined))).to.deep.equal([outcome]);
        await expectAwsError(() => kms.lifecycle.enableKey(SCOPE, { KeyId: keyId }), 'NotFoundException');
      });
    }

    it('destroys the material of an AWS_KMS key: its ciphertexts are undecryptable', async () => {
      const { keyId } = await awsKmsKey(kms);
      const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('gone') });
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
      await kms.clock.advance(30 * DAY);
      expect(kms.repository.getMaterial(keyId)).to.equal(undefined);
      expect(kms.repository.getKey(keyId)!.deletion).to.deep.equal({ deletedAt: kms.clock.now() });
      await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob }), 'AccessDeniedException');
      // No backing key: the DeleteKey event has no backing key to report.
      expect(kms.serviceEvents.map(({ kind, keyArn }) => ({ kind, keyArn }))).to.deep.equal([{ kind: 'DeleteKey', keyArn: kms.repository.getKey(keyId)!.arn }]);
      expect(kms.serviceEvents[0]).to.not.have.property('backingKey');
    });

    it('deletes nothing when the deletion was cancelled first', async () => {
      const { keyId } = await storeKey(kms);
      kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
      kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
      await kms.clock.advance(30 * DAY);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('Disabled');
      expect(kms.crypto.backingKeys.size).to.equal(1);
    });
  });

  describe('across a restart', () => {
    let directory: string;

    beforeEach(() => {
      directory = createTempDir('kms-deletion');
    });
    afterEach(() => removeTempDir(directory));

    /** Schedules a 7-day deletion, stops, lets `downMs` of time pass, and starts again over the same file. */
    async function restartAfter(downMs: number): Promise<string> {
      const file = join(directory, 'control-plane.sqlite');
      const masterKey = Buffer.alloc(32, 9);
      const base = new ManualClock();
      const before = createKmsKeys({ file, masterKey, base });
      const { keyId } = await storeKey(before);
      before.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
      await before.clock.stop();
      before.database.close();

      base.advance(downMs);
      kms = createKmsKeys({ file, masterKey, crypto: before.crypto, base });
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
      kms.deletion.resumeScheduledDeletions();
      await kms.clock.idle();
      return keyId;
    }

    it('ends at once a waiting period that ended while the simulator was stopped', async () => {
      const keyId = await restartAfter(8 * DAY);
      expect(kms.repository.getKey(keyId)!.deletion!.backingKey).to.equal('deleted');
    });

    it('waits again for the rest of a waiting period still running', async () => {
      const keyId = await restartAfter(2 * DAY);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
      await kms.clock.advance(5 * DAY);
      expect(kms.repository.getKey(keyId)!.deletion!.backingKey).to.equal('deleted');
    });
  });
});
