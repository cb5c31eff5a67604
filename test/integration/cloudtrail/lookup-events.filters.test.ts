// LookupEvents over the wire with the unmodified aws CLI: what each KMS and CloudHSM V2 call leaves in the
// trail (AWS's event shape), the lookup attributes, the time range, pagination, the Region, and the errors.

import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { FaultWorld } from '../faults/fault-world';
import { type LookedUpEvent, recordOf, TrailLookup } from './trail-lookup';

describe('CloudTrail: aws cloudtrail lookup-events', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  let trail: TrailLookup;
  let keyArn: string;

  before(async () => {
    world = await FaultWorld.start();
    trail = new TrailLookup(world.endpoint);
    keyArn = (await world.kms.send(new DescribeKeyCommand({ KeyId: world.keyId }))).KeyMetadata!.Arn!;
    // Event times are on the simulated clock: the last three calls come 10 s after the rest, so a time
    // range can split the trail however fast the machine made it.
    await world.admin('POST', '/_sim/clock/advance', { seconds: 10 });
    await world.kms.send(new DisableKeyCommand({ KeyId: world.keyId }));
    await world.outcome(() => world.kms.send(new DisableKeyCommand({ KeyId: '00000000-0000-4000-8000-000000000000' })));
    await world.kms.send(new EnableKeyCommand({ KeyId: world.keyId }));
  });

  after(async () => {
    await world?.stop();
  });

  it('records every call, newest first, with AWS event shape: CreateKey with its KeyMetadata', async () => {
    const events = await trail.events();
    const names = events.map((event) => event.EventName);
    expect(names.slice(0, 4)).to.deep.equal(['EnableKey', 'DisableKey', 'DisableKey', 'DescribeKey']);
    expect(names).to.include.members(['CreateCluster', 'InitializeCluster', 'CreateHsm', 'CreateCustomKeyStore', 'ConnectCustomKeyStore', 'CreateKey', 'Encrypt']);
    const times = events.map((event) => Number(event.EventTime));
    expect([...times].sort((a, b) => b - a)).to.deep.equal(times);

    const createKey = recordOf(events.find((event) => event.EventName === 'CreateKey')!);
    expect(createKey).to.include({ eventVersion: '1.08', eventSource: 'kms.amazonaws.com', awsRegion: 'us-east-2', eventType: 'AwsApiCall', readOnly: false, managementEvent: true, eventCategory: 'Management' });
    expect(createKey.userIdentity).to.deep.include({ type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', arn: `arn:aws:iam::${keyArn.split(':')[4]}:user/AKIAIOSFODNN7EXAMPLE` });
    expect(createKey.requestParameters).to.deep.equal({ origin: 'AWS_CLOUDHSM', customKeyStoreId: world.customKeyStoreId });
    const metadata = createKey.responseElements!['keyMetadata'] as Record<string, unknown>;
    expect(metadata).to.include({ AWSAccountId: keyArn.split(':')[4], arn: keyArn, keyState: 'Enabled', origin: 'AWS_CLOUDHSM' });
    expect(metadata['creationDate']).to.match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/);
    expect(createKey.resources).to.deep.equal([{ accountId: keyArn.split(':')[4], type: 'AWS::KMS::Key', ARN: keyArn }]);
    expect(createKey['requestID']).to.be.a('string');
    expect(createKey.sourceIPAddress).to.equal('127.0.0.1');
  });

  it('cryptographic calls are readOnly with responseElements null; failed calls carry errorCode and errorMessage', async () => {
    const encrypt = recordOf((await trail.byEventName('Encrypt'))[0]!);
    expect(encrypt).to.include({ readOnly: true, responseElements: null });
    expect(encrypt.requestParameters).to.deep.equal({ keyId: world.keyId });
    expect(encrypt.resources!.map((resource) => resource.ARN)).to.deep.equal([keyArn]);

    const [failed] = await trail.byEventName('DisableKey');
    const record = recordOf(failed!);
    expect(record.errorCode).to.equal('NotFoundException');
    expect(record.errorMessage).to.be.a('string').and.not.equal('');
    expect(record.responseElements).to.equal(null);
  });

  it('filters by EventName, ResourceName, ResourceType, EventSource, ReadOnly, Username, AccessKeyId and EventId', async () => {
    const byResource = await trail.events('--lookup-attributes', `AttributeKey=ResourceName,AttributeValue=${keyArn}`);
    expect(new Set(byResource.map((event) => event.EventName))).to.deep.equal(new Set(['CreateKey', 'Encrypt', 'DescribeKey', 'DisableKey', 'EnableKey']));
    const cloudhsm = await trail.events('--lookup-attributes', 'AttributeKey=EventSource,AttributeValue=cloudhsm.amazonaws.com');
    expect(cloudhsm.length).to.be.above(0);
    expect(cloudhsm.every((event) => event.EventSource === 'cloudhsm.amazonaws.com')).to.equal(true);
    const readOnly = await trail.events('--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=true');
    expect(readOnly.every((event) => recordOf(event).readOnly)).to.equal(true);
    // The failed DisableKey names a key too (one that does not exist).
    expect((await trail.events('--lookup-attributes', 'AttributeKey=ResourceType,AttributeValue=AWS::KMS::Key')).length).to.equal(byResource.length + 1);
    const all = await trail.events();
    for (const key of ['Username', 'AccessKeyId']) {
      expect(await trail.events('--lookup-attributes', `AttributeKey=${key},AttributeValue=AKIAIOSFODNN7EXAMPLE`)).to.have.length(all.length);
    }
    const one = all[3]!;
    expect((await trail.events('--lookup-attributes', `AttributeKey=EventId,AttributeValue=${one.EventId}`)).map((event) => event.EventId)).to.deep.equal([one.EventId]);
  });

  it('pages with MaxResults and NextToken; a token from other filters is InvalidNextTokenException', async () => {
    const all = await trail.events();
    const seen: LookedUpEvent[] = [];
    let token: string | undefined;
    do {
      const page = await trail.cli.json<{ Events: LookedUpEvent[]; NextToken?: string }>('cloudtrail', 'lookup-events', '--no-paginate', '--max-results', '50', ...(token ? ['--next-token', token] : []));
      expect(page.Events.length).to.be.at.most(50);
      seen.push(...page.Events);
      token = page.NextToken;
    } while (token);
    expect(seen.map((event) => event.EventId)).to.deep.equal(all.map((event) => event.EventId));

    const first = await trail.cli.json<{ NextToken: string }>('cloudtrail', 'lookup-events', '--no-paginate', '--max-results', '1');
    const other = await trail.cli.run('cloudtrail', 'lookup-events', '--no-paginate', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=Encrypt', '--next-token', first.NextToken);
    expect(other.stderr).to.include('InvalidNextTokenException');
    expect((await trail.cli.run('cloudtrail', 'lookup-events', '--no-paginate', '--next-token', 'not-a-token')).stderr).to.include('InvalidNextTokenException');
  });

  it('a time range keeps the events inside it; a start after the end is InvalidTimeRangeException', async () => {
    const all = await trail.events();
    // The CLI sends whole epoch seconds.
    const pivot = Math.floor(Number(all[2]!.EventTime));
    const since = await trail.events('--start-time', String(pivot));
    expect(since.length).to.be.at.least(3);
    expect(since.every((event) => Number(event.EventTime) >= pivot)).to.equal(true);
    const until = await trail.events('--end-time', String(pivot - 1));
    expect(until.length).to.be.above(0);
    expect(until.every((event) => Number(event.EventTime) <= pivot - 1)).to.equal(true);
    const between = await trail.events('--start-time', String(pivot - 1), '--end-time', String(pivot));
    expect(between.every((event) => Number(event.EventTime) >= pivot - 1 && Number(event.EventTime) <= pivot)).to.equal(true);
    const inverted = await trail.cli.run('cloudtrail', 'lookup-events', '--start-time', String(pivot), '--end-time', String(pivot - 60));
    expect(inverted.stderr).to.include('InvalidTimeRangeException');
  });

  it('more than one lookup attribute is InvalidLookupAttributesException; another Region has no events', async () => {
    const two = await trail.cli.run('cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=Encrypt', 'AttributeKey=ReadOnly,AttributeValue=true');
    expect(two.stderr).to.include('InvalidLookupAttributesException');
    expect(await new TrailLookup(world.endpoint, 'eu-west-1').events()).to.deep.equal([]);
  });
});
