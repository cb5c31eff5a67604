// Regions: the simulator runs with its default Region (us-east-1) and the learner builds in us-east-2, as
// the README's walkthroughs and the tour do (signed requests carry their own Region). The plain console
// address then follows to the first Region that holds a cluster, live and on a reload; the Region picker
// lists both, and a Region chosen there stays in the address across a reload.

import { CreateClusterCommand } from '@aws-sdk/client-cloudhsm-v2';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from 'chai';
import { CREDENTIALS, KMS_REGION } from '../../../scripts/bench/kms-client';
import type { ConsoleSnapshot } from '../../../src/console/console-snapshot.types';
import { chromiumMissing, ConsoleWorld } from '../support/console-world';

const DEFAULT_REGION = 'us-east-1';

describe('console (Chromium): the Region picker, and the Region a plain load shows', function () {
  this.timeout(120_000);
  let world: ConsoleWorld;
  let clusterId: string;

  const shownRegion = (): Promise<string> => world.page.$eval('[data-testid="region"]', (element) => (element as unknown as { value: string }).value);
  const pickerOptions = (): Promise<string[]> => world.page.$$eval('[data-testid="region"] option', (options) => options.map((option) => (option as unknown as { value: string }).value));

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start(0);
  });

  after(async () => {
    await world?.stop();
  });

  it('with nothing anywhere, shows the default Region', async () => {
    await world.page.waitForSelector('[data-testid="live"].on', { timeout: 5_000 });
    expect(await shownRegion()).to.equal(DEFAULT_REGION);
    expect(await pickerOptions()).to.deep.equal([DEFAULT_REGION]);
    expect(await world.page.$$('.cluster-card')).to.have.length(0);
  });

  it('follows, without a reload, to us-east-2 when a cluster is created there over the SDK', async () => {
    const ec2 = new EC2Client({ endpoint: world.endpoint, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 });
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    ec2.destroy();
    const created = await world.cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: Subnets!.slice(0, 2).map((subnet) => subnet.SubnetId!) }));
    clusterId = created.Cluster!.ClusterId!;
    await world.page.waitForSelector(`.cluster-card[data-cluster-id="${clusterId}"]`, { timeout: 3_000 });
    expect(await shownRegion()).to.equal(KMS_REGION);
    expect(await pickerOptions()).to.deep.equal([DEFAULT_REGION, KMS_REGION]);
    expect(new URL(world.page.url()).hash).to.equal('');
  });

  it('shows the us-east-2 cluster on a plain load of /_sim/console/, with no parameter', async () => {
    await world.page.goto(world.consoleUrl, { waitUntil: 'domcontentloaded' });
    await world.page.waitForSelector(`.cluster-card[data-cluster-id="${clusterId}"]`, { timeout: 5_000 });
    expect(await shownRegion()).to.equal(KMS_REGION);
    await world.page.waitForSelector(`svg [data-zone="${KMS_REGION}a"]`, { timeout: 3_000 });
    await world.screenshot('region-default');
  });

  it('serves the snapshot of the Region asked for, the first Region with a cluster by default, and refuses a bad name', async () => {
    const plain = await world.api<ConsoleSnapshot>('snapshot');
    expect(plain.body.region).to.equal(KMS_REGION);
    expect(plain.body.defaultRegion).to.equal(DEFAULT_REGION);
    expect(plain.body.clusters.map((cluster) => cluster.clusterId)).to.deep.equal([clusterId]);
    const other = await world.api<ConsoleSnapshot>(`snapshot?region=${DEFAULT_REGION}`);
    expect(other.body.region).to.equal(DEFAULT_REGION);
    expect(other.body.clusters).to.deep.equal([]);
    expect(other.body.regions).to.deep.equal([DEFAULT_REGION, KMS_REGION]);
    const bad = await world.api<{ message: string }>('snapshot?region=not-a-region');
    expect(bad.status).to.equal(400);
    expect(bad.body.message).to.include('not a Region name');
  });

  it('a Region picked in the picker goes into the address, and a reload keeps it', async () => {
    await world.page.select('[data-testid="region"]', DEFAULT_REGION);
    await world.page.waitForFunction(`document.querySelectorAll('.cluster-card').length === 0 && document.querySelector('[data-testid="region"]')?.value === '${DEFAULT_REGION}'`, { timeout: 3_000 });
    expect(new URL(world.page.url()).hash).to.equal(`#region=${DEFAULT_REGION}`);
    await world.page.reload({ waitUntil: 'domcontentloaded' });
    await world.page.waitForSelector('[data-testid="live"].on', { timeout: 5_000 });
    expect(await shownRegion()).to.equal(DEFAULT_REGION);
    expect(await world.page.$$('.cluster-card')).to.have.length(0);
    await world.page.select('[data-testid="region"]', KMS_REGION);
    await world.page.waitForSelector(`.cluster-card[data-cluster-id="${clusterId}"]`, { timeout: 3_000 });
    expect(new URL(world.page.url()).hash).to.equal(`#region=${KMS_REGION}`);
    expect(world.errors).to.deep.equal([]);
  });
});
