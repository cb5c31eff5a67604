// The service events KMS records itself, found with the aws CLI: RotateKey when an automatic rotation
// falls due on the simulated clock, DeleteKey (no backing key) when an AWS_KMS key's window ends.

import { CreateKeyCommand, EnableKeyRotationCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { DAY_SECONDS, KmsWireWorld } from '../kms/kms-wire-world';
import { recordOf, TrailLookup } from './trail-lookup';

describe('CloudTrail: KMS service events (aws cloudtrail lookup-events)', function () {
  this.timeout(60_000);
  let world: KmsWireWorld;
  let trail: TrailLookup;

  beforeEach(async () => {
    world = await KmsWireWorld.start('cloudtrail-service-events');
    trail = new TrailLookup(world.url);
  });
  afterEach(() => world.stop());

  it('an automatic rotation is a RotateKey service event on the rotation date', async () => {
    const { Arn } = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!;
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: Arn, RotationPeriodInDays: 90 }));
    await world.advance(90 * DAY_SECONDS);
    const [event, ...others] = await trail.byEventName('RotateKey');
    expect(others).to.deep.equal([]);
    expect(event).to.include({ EventSource: 'kms.amazonaws.com', ReadOnly: 'false' });
    expect(event!.Resources).to.deep.equal([{ ResourceType: 'AWS::KMS::Key', ResourceName: Arn }]);
    const record = recordOf(event!);
    expect(record).to.include({ eventType: 'AwsServiceEvent', requestParameters: null, responseElements: null });
    expect(record.userIdentity).to.deep.equal({ accountId: '111122223333', invokedBy: 'AWS Internal' });
  });

  it('an AWS_KMS key at the end of its window is a DeleteKey service event without backing keys', async () => {
    const { Arn } = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!;
    await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: Arn, PendingWindowInDays: 7 }));
    await world.advance(7 * DAY_SECONDS);
    const [event] = await trail.byEventName('DeleteKey');
    const record = recordOf(event!);
    expect(record).to.include({ eventType: 'AwsServiceEvent', eventName: 'DeleteKey' });
    expect(record.responseElements).to.deep.equal({ keyId: Arn });
    expect(record).to.not.have.property('additionalEventData');
    // The ScheduleKeyDeletion call before it is an AwsApiCall with its DeletionDate in AWS's date format.
    const [schedule] = await trail.byEventName('ScheduleKeyDeletion');
    expect(recordOf(schedule!).responseElements!['deletionDate']).to.match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, /);
  });
});
