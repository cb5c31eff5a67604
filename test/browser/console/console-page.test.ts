// The console page in headless Chromium: it loads without a console error and draws the HSMs created
// over the AWS API, with their users and keys read from the HSM processes.

import { expect } from 'chai';
import { chromiumMissing, ConsoleWorld } from '../support/console-world';

describe('console (Chromium): the page and the picture', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
  });

  after(async () => {
    await world?.stop();
  });

  it('loads with no console error and shows it is live', async () => {
    await world.page.waitForSelector('[data-testid="live"].on', { timeout: 5_000 });
    expect(world.errors).to.deep.equal([]);
  });

  it('draws both HSMs the AWS API created, in their zones, ACTIVE with their processes up', async () => {
    const cluster = await world.cluster(world.clusterIds[0]!);
    for (const hsm of cluster.Hsms!) {
      const selector = `[data-hsm-id="${hsm.HsmId}"][data-state="ACTIVE"][data-process="up"]`;
      await world.page.waitForSelector(`[data-zone="${hsm.AvailabilityZone}"] ${selector}`, { timeout: 5_000 });
      const text = await world.page.$eval(`svg ${selector}`, (element) => element.textContent ?? '');
      expect(text).to.include(hsm.EniIp!).and.include('2223').and.include('2225');
    }
    await world.screenshot('topology');
  });

  it('opens an HSM on click: its users from the HSM process, kmsuser a CU', async () => {
    const hsmId = (await world.cluster(world.clusterIds[0]!)).Hsms![0]!.HsmId!;
    await world.page.click(`svg [data-hsm-id="${hsmId}"] .hsm-box`);
    await world.page.waitForSelector('[data-testid="hsm-users"]', { timeout: 5_000 });
    const rows = await world.page.$$eval('[data-testid="hsm-users"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((row) => [row[0], row[1]])).to.deep.include.members([['admin', 'CO'], ['kmsuser', 'CU']]);
    await world.screenshot('hsm-panel');
    expect(world.errors).to.deep.equal([]);
  });

  it("guided mode: a tour step shows its explanation and command, and lights the HSMs it changes", async () => {
    const steps = await world.page.$$('[data-testid="guide"] li button');
    expect(steps).to.have.length(10);
    await steps[2]!.click();
    const command = await world.page.$eval('[data-testid="guide-step"] pre', (element) => element.textContent ?? '');
    expect(command).to.include('cloudhsmv2 create-hsm --cluster-id $C --availability-zone us-east-2a');
    expect(await world.page.$$('svg .hsm.hl')).to.have.length(2);
    await world.screenshot('guided-tour');
    expect(world.errors).to.deep.equal([]);
  });
});
