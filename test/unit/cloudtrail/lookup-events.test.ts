// LookupEvents' rules: one lookup attribute, a time range, MaxResults pages with a NextToken bound to its
// filters, the caller's Region only.

import { expect } from 'chai';
import { expectAwsError } from '../kms/keys/kms-keys-fixture';
import { createTrail, kmsCall, SCOPE, type Trail } from './cloudtrail-trail.fixture';

describe('CloudTrail: LookupEvents', () => {
  let trail: Trail;

  beforeEach(() => {
    trail = createTrail();
    for (let index = 0; index < 5; index += 1) {
      trail.recorder.recordApiCall(kmsCall(index % 2 === 0 ? 'ListKeys' : 'DisableKey', index % 2 === 0 ? {} : { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }, { requestId: `req-${index}` }));
      trail.clock.advance(1000);
    }
    trail.recorder.recordApiCall(kmsCall('ListKeys', {}, { region: 'eu-west-1' }));
  });

  it('pages newest first; a token with other filters or a made-up one is InvalidNextTokenException', async () => {
    const first = trail.lookup.lookupEvents(SCOPE, { MaxResults: 2 });
    expect(first.Events).to.have.length(2);
    const second = trail.lookup.lookupEvents(SCOPE, { MaxResults: 2, NextToken: first.NextToken! });
    const third = trail.lookup.lookupEvents(SCOPE, { MaxResults: 2, NextToken: second.NextToken! });
    expect(third.NextToken).to.equal(undefined);
    const ids = [...first.Events, ...second.Events, ...third.Events].map((event) => (JSON.parse(event.CloudTrailEvent) as { requestID: string }).requestID);
    expect(ids).to.deep.equal(['req-4', 'req-3', 'req-2', 'req-1', 'req-0']);
    await expectAwsError(() => trail.lookup.lookupEvents(SCOPE, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListKeys' }], NextToken: first.NextToken! }), 'InvalidNextTokenException');
    await expectAwsError(() => trail.lookup.lookupEvents(SCOPE, { NextToken: 'bm90IGEgdG9rZW4' }), 'InvalidNextTokenException');
  });

  it('filters by one attribute; two are InvalidLookupAttributesException', async () => {
    const disabled = trail.lookup.lookupEvents(SCOPE, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DisableKey' }] });
    expect(disabled.Events.map((event) => event.EventName)).to.deep.equal(['DisableKey', 'DisableKey']);
    const readOnly = trail.lookup.lookupEvents(SCOPE, { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'true' }] });
    expect(readOnly.Events.map((event) => event.EventName)).to.deep.equal(['ListKeys', 'ListKeys', 'ListKeys']);
    await expectAwsError(
      () => trail.lookup.lookupEvents(SCOPE, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ListKeys' }, { AttributeKey: 'ReadOnly', AttributeValue: 'true' }] }),
      'InvalidLookupAttributesException',
    );
  });

  it('keeps the events of a time range; a start after the end is InvalidTimeRangeException', async () => {
    const start = new Date(Date.UTC(2026, 0, 1, 0, 0, 1));
    const end = new Date(Date.UTC(2026, 0, 1, 0, 0, 3));
    const inRange = trail.lookup.lookupEvents(SCOPE, { StartTime: start, EndTime: end });
    expect(inRange.Events.map((event) => event.EventTime.getTime())).to.deep.equal([end.getTime(), end.getTime() - 1000, start.getTime()]);
    await expectAwsError(() => trail.lookup.lookupEvents(SCOPE, { StartTime: end, EndTime: start }), 'InvalidTimeRangeException');
  });

  it('answers for the caller Region only', () => {
    expect(trail.lookup.lookupEvents({ ...SCOPE, region: 'eu-west-1' }, {}).Events.map((event) => event.EventName)).to.deep.equal(['ListKeys']);
  });
});
