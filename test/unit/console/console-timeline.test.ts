// The console's timeline: newest first, bounded, filtered by kind, and no secret in any entry.

import { expect } from 'chai';
import { ConsoleTimeline, TIMELINE_LIMIT } from '../../../src/console/console-timeline';

describe('console timeline', () => {
  it('keeps the newest entries first, at most its limit', () => {
    const timeline = new ConsoleTimeline(3);
    for (let index = 1; index <= 5; index += 1) timeline.add({ kind: 'aws', summary: `call ${index}` });
    expect(timeline.list().map((entry) => entry.summary)).to.deep.equal(['call 5', 'call 4', 'call 3']);
    expect(TIMELINE_LIMIT).to.equal(500);
  });

  it('filters by kind', () => {
    const timeline = new ConsoleTimeline();
    timeline.add({ kind: 'aws', summary: 'kms:CreateKey' });
    timeline.add({ kind: 'fault', summary: 'fault hsm-kill added' });
    expect(timeline.list(['fault']).map((entry) => entry.summary)).to.deep.equal(['fault hsm-kill added']);
  });

  it('redacts passwords, PINs and KeyStorePassword in details', () => {
    const timeline = new ConsoleTimeline();
    const entry = timeline.add({ kind: 'hsm', summary: 'x', details: { KeyStorePassword: 'kmsPswd', nested: { password: 'p', pin: '1234' }, username: 'kmsuser' } });
    expect(JSON.stringify(entry)).to.not.match(/kmsPswd|"p"|1234/);
    expect(entry.details).to.deep.include({ username: 'kmsuser' });
  });

  it('tells listeners of each entry', () => {
    const timeline = new ConsoleTimeline();
    const heard: string[] = [];
    timeline.onEntry((entry) => heard.push(entry.summary));
    timeline.add({ kind: 'clock', summary: 'simulated clock advanced 1 day' });
    expect(heard).to.deep.equal(['simulated clock advanced 1 day']);
  });
});
