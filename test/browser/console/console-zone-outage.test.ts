// A zone outage from the page: clicking a zone opens its panel, "Zone outage" adds the az-outage fault,
// the zone is drawn red and its HSM turns DEGRADED (as the AWS API describes it); "End the outage"
// heals it and the HSM is ACTIVE again.

import { expect } from 'chai';
import { chromiumMissing, ConsoleWorld } from '../support/console-world';

describe('console (Chromium): the zone-outage button', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;
  let hsmId: string;
  let zone: string;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
    const hsm = (await world.cluster(world.clusterIds[0]!)).Hsms![1]!;
    hsmId = hsm.HsmId!;
    zone = hsm.AvailabilityZone!;
  });

  after(async () => {
    await world?.stop();
  });

  const hsmState = async (): Promise<string> => (await world.cluster(world.clusterIds[0]!)).Hsms!.find((hsm) => hsm.HsmId === hsmId)!.State!;

  it('draws the zone red ("zone outage") and its HSM turns DEGRADED', async () => {
    await world.page.click(`svg [data-zone="${zone}"] .zone-title`);
    await world.page.waitForSelector('[data-testid="zone-panel"]', { timeout: 3_000 });
    await world.page.click('[data-testid="zone-panel"] button[data-fault="az-outage"]');
    await world.page.waitForSelector(`svg g.zone.outage[data-zone="${zone}"]`, { timeout: 3_000 });
    await world.page.waitForSelector(`svg [data-zone="${zone}"] [data-hsm-id="${hsmId}"][data-state="DEGRADED"]`, { timeout: 5_000 });
    expect(await world.page.$eval(`svg [data-zone="${zone}"] .zone-title`, (element) => element.textContent ?? '')).to.include('zone outage');
    // Only that zone: the other HSM stays ACTIVE.
    expect(await world.page.$$('svg g.zone.outage')).to.have.length(1);
    expect(await hsmState()).to.equal('DEGRADED');
    await world.screenshot('zone-outage');
  });

  it('"End the outage" heals it: the zone is drawn normally and the HSM is ACTIVE again', async () => {
    await world.page.click('[data-testid="zone-panel"] [data-testid="end-outage"]');
    await world.page.waitForSelector(`svg g.zone:not(.outage)[data-zone="${zone}"]`, { timeout: 3_000 });
    await world.page.waitForSelector(`svg [data-zone="${zone}"] [data-hsm-id="${hsmId}"][data-state="ACTIVE"]`, { timeout: 10_000 });
    expect(await hsmState()).to.equal('ACTIVE');
    await world.page.waitForFunction(`[...document.querySelectorAll('[data-testid="timeline"] li[data-kind="fault"]')].some((li) => li.textContent.includes('az-outage healed'))`, { timeout: 3_000 });
    expect(world.errors).to.deep.equal([]);
  });
});
