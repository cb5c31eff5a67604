// The documented way to find an orphaned backing key (aws-behaviour 4.3, delete-cmk-keystore): a key of a
// custom key store deleted while the store is DISCONNECTED leaves its backing key in the cluster, and the
// DeleteKey service event says so with backingKeysDeletionStatus FAILURE; one deleted while CONNECTED, SUCCESS.
// Over the wire with the unmodified aws CLI, the deletion windows ended by advancing the simulated clock.

import { CreateKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { FaultWorld } from '../faults/fault-world';
import { waitFor } from '../../e2e/support/wait-for';
import { type LookedUpEvent, recordOf, TrailLookup } from './trail-lookup';

const SEVEN_DAYS = 7 * 24 * 60 * 60;

describe('CloudTrail: the DeleteKey event of a custom key store key (aws cloudtrail lookup-events)', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  let trail: TrailLookup;

  before(async () => {
    world = await FaultWorld.start();
    trail = new TrailLookup(world.endpoint);
  });

  after(async () => {
    await world?.stop();
  });

  async function newStoreKey(): Promise<string> {
    const { KeyMetadata } = await world.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: world.customKeyStoreId }));
    return KeyMetadata!.Arn!;
  }

  /** Schedules the deletion, advances the clock past the 7-day window, and waits for the DeleteKey event of `arn`. */
  async function deleteAfterWindow(arn: string, beforeAdvance: () => Promise<void> = async () => undefined): Promise<LookedUpEvent> {
    await world.kms.send(new ScheduleKeyDeletionCommand({ KeyId: arn, PendingWindowInDays: 7 }));
    await beforeAdvance();
    const advanced = await world.admin('POST', '/_sim/clock/advance', { seconds: SEVEN_DAYS + 60 });
    expect(advanced.status).to.equal(200);
    return waitFor(
      `DeleteKey of ${arn}`,
      async () => (await trail.byEventName('DeleteKey')).find((event) => event.Resources?.some((resource) => resource.ResourceName === arn)),
      30_000,
      200,
    );
  }

  it('a key deleted while the store is DISCONNECTED: backingKeysDeletionStatus FAILURE, an orphan found the documented way', async () => {
    const arn = await newStoreKey();
    const event = await deleteAfterWindow(arn, () => world.disconnect());
    const record = recordOf(event);
    expect(event).to.include({ EventName: 'DeleteKey', EventSource: 'kms.amazonaws.com', ReadOnly: 'false' });
    expect(event.Resources).to.deep.equal([{ ResourceType: 'AWS::KMS::Key', ResourceName: arn }]);
    expect(record).to.include({ eventType: 'AwsServiceEvent', eventVersion: '1.08', sourceIPAddress: 'AWS Internal', managementEvent: true, eventCategory: 'Management' });
    expect(record.userIdentity).to.deep.equal({ accountId: arn.split(':')[4], invokedBy: 'AWS Internal' });
    expect(record.responseElements).to.deep.equal({ keyId: arn });
    const data = record.additionalEventData!;
    expect(data).to.include({ customKeyStoreId: world.customKeyStoreId, clusterId: world.clusterId });
    const backingKeys = JSON.parse(data['backingKeys']!) as { keyHandle: string; backingKeyId: string }[];
    const statuses = JSON.parse(data['backingKeysDeletionStatus']!) as { keyHandle: string; backingKeyId: string; deletionStatus: string }[];
    expect(backingKeys).to.have.length(1);
    expect(backingKeys[0]!.keyHandle).to.match(/^\d+$/);
    expect(statuses).to.deep.equal([{ ...backingKeys[0], deletionStatus: 'FAILURE' }]);
  });

  it('a key deleted while the store is CONNECTED: backingKeysDeletionStatus SUCCESS', async () => {
    await world.connect();
    await world.waitForStore('CONNECTED');
    const arn = await newStoreKey();
    const record = recordOf(await deleteAfterWindow(arn));
    const statuses = JSON.parse(record.additionalEventData!['backingKeysDeletionStatus']!) as { deletionStatus: string }[];
    expect(statuses.map((status) => status.deletionStatus)).to.deep.equal(['SUCCESS']);
  });

  it('the event time is the simulated clock: after the window, not the wall clock', async () => {
    const events = await trail.byEventName('DeleteKey');
    const now = Date.now();
    for (const event of events) expect(new Date(recordOf(event).eventTime).getTime()).to.be.above(now + (SEVEN_DAYS - 3600) * 1000);
  });
});
