// Backup lineage: a cluster restored over the AWS API from a backup of the fixture cluster
// (CreateCluster with SourceBackupId) shows, in its panel, the backup and the cluster it came from; the
// original cluster's panel lists its backup and the restored cluster that shares its history.

import { CreateClusterCommand, DescribeBackupsCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect } from 'chai';
import { waitFor } from '../../e2e/support/wait-for';
import { chromiumMissing, ConsoleWorld } from '../support/console-world';

describe('console (Chromium): backup lineage of a cluster restored from a backup', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;
  let original: string;
  let restored: string;
  let backupId: string;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
    original = world.clusterIds[0]!;
    backupId = await waitFor(
      'a READY backup of the cluster',
      async () => (await world.cloudhsm.send(new DescribeBackupsCommand({ Filters: { clusterIds: [original], states: ['READY'] } }))).Backups?.[0]?.BackupId,
      30_000,
      50,
    );
    const subnetIds = Object.values((await world.cluster(original)).SubnetMapping!);
    const created = await world.cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: subnetIds, SourceBackupId: backupId }));
    restored = created.Cluster!.ClusterId!;
    await world.page.waitForSelector(`.cluster-card[data-cluster-id="${restored}"]`, { timeout: 3_000 });
  });

  after(async () => {
    await world?.stop();
  });

  it("the restored cluster's panel names the backup and the cluster it came from", async () => {
    await world.page.click(`.cluster-card[data-cluster-id="${restored}"]`);
    await world.page.waitForSelector(`[data-testid="cluster-panel"][data-cluster-id="${restored}"]`, { timeout: 3_000 });
    const source = await world.page.$eval('[data-testid="cluster-panel"] [data-testid="cluster-source"]', (element) => element.textContent ?? '');
    expect(source).to.equal(`Created from backup ${backupId} of cluster ${original}: it shares that cluster's history.`);
    const relatives = await world.page.$eval('[data-testid="cluster-panel"] [data-testid="cluster-relatives"]', (element) => element.textContent ?? '');
    expect(relatives).to.equal(`Shares history with: ${original}`);
    await world.screenshot('cluster-restored-lineage');
  });

  it("the original cluster's panel lists the backup and the restored cluster sharing its history", async () => {
    await world.page.click(`.cluster-card[data-cluster-id="${original}"]`);
    await world.page.waitForSelector(`[data-testid="cluster-panel"][data-cluster-id="${original}"]`, { timeout: 3_000 });
    const panel = await world.page.$eval('[data-testid="cluster-panel"]', (element) => element.textContent ?? '');
    expect(panel).to.include(backupId);
    expect(await world.page.$('[data-testid="cluster-panel"] [data-testid="cluster-source"]')).to.equal(null);
    const relatives = await world.page.$eval('[data-testid="cluster-panel"] [data-testid="cluster-relatives"]', (element) => element.textContent ?? '');
    expect(relatives).to.equal(`Shares history with: ${restored}`);
    expect(world.errors).to.deep.equal([]);
  });
});
