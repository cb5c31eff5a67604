// The trail is bounded: 90 days of the simulated clock (AWS's Event history), at most N events (oldest
// dropped first), and persisted across a restart.

import { join } from 'node:path';
import { expect } from 'chai';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { createTrail, kmsCall, SCOPE } from './cloudtrail-trail.fixture';

const DAY_MS = 24 * 60 * 60_000;

describe('CloudTrail: bounds and persistence', () => {
  it('keeps at most maxEvents, dropping the oldest', () => {
    const trail = createTrail({ bounds: { retentionDays: 90, maxEvents: 5 } });
    for (let index = 0; index < 8; index += 1) {
      trail.recorder.recordApiCall(kmsCall('DescribeKey', { KeyId: `alias/key-${index}` }, { requestId: `req-${index}` }));
      trail.clock.advance(1000);
    }
    trail.recorder.flush();
    const { Events } = trail.lookup.lookupEvents(SCOPE, {});
    expect(Events.map((event) => (JSON.parse(event.CloudTrailEvent) as { requestID: string }).requestID)).to.deep.equal(['req-7', 'req-6', 'req-5', 'req-4', 'req-3']);
  });

  it('keeps 90 days of the simulated clock: older events are neither found nor kept', () => {
    const trail = createTrail();
    trail.recorder.recordApiCall(kmsCall('ListKeys', {}));
    trail.recorder.flush();
    trail.clock.advance(91 * DAY_MS);
    expect(trail.lookup.lookupEvents(SCOPE, {}).Events).to.deep.equal([]);
    // Even a StartTime that asks for them.
    expect(trail.lookup.lookupEvents(SCOPE, { StartTime: new Date(0) }).Events).to.deep.equal([]);
    trail.recorder.recordApiCall(kmsCall('ListAliases', {}));
    trail.recorder.flush();
    const rows = trail.database.prepare('SELECT event_name FROM cloudtrail_events').all() as { event_name: string }[];
    expect(rows.map((row) => row.event_name)).to.deep.equal(['ListAliases']);
  });

  it('survives a restart: the events are in the database', () => {
    const dir = createTempDir('cloudtrail');
    try {
      const file = join(dir, 'trail.sqlite');
      const first = createTrail({ file });
      first.recorder.recordApiCall(kmsCall('CreateAlias', { AliasName: 'alias/kept', TargetKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }));
      first.recorder.flush();
      first.database.close();
      const again = createTrail({ file, clock: first.clock });
      const [event] = again.lookup.lookupEvents(SCOPE, {}).Events;
      expect(event).to.include({ EventName: 'CreateAlias', EventSource: 'kms.amazonaws.com', ReadOnly: 'false', Username: 'AKIAIOSFODNN7EXAMPLE' });
      expect(event!.Resources).to.deep.equal([{ ResourceType: 'AWS::KMS::Key', ResourceName: 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }]);
      again.database.close();
    } finally {
      removeTempDir(dir);
    }
  });

  it('LookupEvents sees events not yet flushed (it flushes first)', () => {
    const trail = createTrail();
    trail.recorder.recordApiCall(kmsCall('DisableKey', { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' }));
    expect(trail.lookup.lookupEvents(SCOPE, {}).Events.map((event) => event.EventName)).to.deep.equal(['DisableKey']);
  });
});
