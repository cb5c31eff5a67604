// Backups on the control plane's fakes: taken on activation and daily, deleted and restored, purged 7
// days after deletion, copied, retained, and a cluster created from one. Days pass on the simulated clock.

import { join } from 'node:path';
import { expect } from 'chai';
import { CloudHsmInvalidRequestException, CloudHsmResourceNotFoundException } from '../../../src/cloudhsm/cloudhsm.errors';
import { signCsrAsCustomer } from '../../../hsm-sim/node/certificates';
import { customerCa } from '../../support/pki-fixtures';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { createControlPlane, SCOPE, type ControlPlane } from './control-plane-fixture';

const SUBNETS = ['subnet-0000000000000000a', 'subnet-0000000000000000b'];
const DAY = 24 * 60 * 60_000;

/** An active cluster with one HSM and the backup its activation took; answers the cluster id. */
async function activeCluster(plane: ControlPlane): Promise<string> {
  const clusterId = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: SUBNETS }).Cluster.ClusterId;
  await plane.scheduler.idle();
  const { Hsm } = plane.hsms.createHsm(SCOPE, { ClusterId: clusterId, AvailabilityZone: 'us-east-2a' });
  await plane.scheduler.idle();
  const csr = plane.clusters.describeClusters(SCOPE, {}).Clusters[0]!.Certificates.ClusterCsr!;
  plane.clusters.initializeCluster(SCOPE, { ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem });
  await plane.scheduler.idle();
  plane.appliance.activate(Hsm.HsmId);
  await plane.scheduler.idle();
  return clusterId;
}

describe('CloudHSM backups', () => {
  let plane: ControlPlane;
  let clusterId: string;

  beforeEach(async () => {
    plane = createControlPlane();
    clusterId = await activeCluster(plane);
  });
  afterEach(async () => {
    await plane.clock.stop();
    plane.database.close();
  });

  const backups = () => plane.backups.describeBackups(SCOPE, {}).Backups;

  it('takes a backup when the cluster is activated, holding the HSM snapshot', () => {
    const [backup] = backups();
    expect(backup).to.include({ ClusterId: clusterId, BackupState: 'READY', NeverExpires: false, HsmType: 'hsm1.medium', Mode: 'FIPS' });
    expect(backup!.BackupId).to.match(/^backup-[2-7a-z]{11}$/);
    expect(backup!.BackupArn).to.equal(`arn:aws:cloudhsm:us-east-2:111122223333:backup/${backup!.BackupId}`);
    expect(plane.vault.files.get(backup!.BackupId)).to.contain('snapshotOf');
  });

  it('deletes a backup into PENDING_DELETION, restores it, and purges it only once the clock has passed 7 days', async () => {
    const { BackupId } = backups()[0]!;
    const deleted = plane.backups.deleteBackup(SCOPE, { BackupId }).Backup;
    expect(deleted.BackupState).to.equal('PENDING_DELETION');
    expect(deleted.DeleteTimestamp).to.be.instanceOf(Date);
    expect(() => plane.backups.deleteBackup(SCOPE, { BackupId })).to.throw(CloudHsmInvalidRequestException);
    await plane.clock.advance(3 * DAY);
    expect(plane.backups.restoreBackup(SCOPE, { BackupId }).Backup.BackupState).to.equal('READY');
    expect(() => plane.backups.restoreBackup(SCOPE, { BackupId })).to.throw(/only a PENDING_DELETION backup/);
    await plane.clock.advance(7 * DAY);
    expect(backups()[0]).to.include({ BackupId, BackupState: 'READY' });

    plane.backups.modifyBackupAttributes(SCOPE, { BackupId, NeverExpires: true });
    plane.backups.deleteBackup(SCOPE, { BackupId });
    await plane.clock.advance(7 * DAY - 1);
    expect(backups()[0]).to.include({ BackupId, BackupState: 'PENDING_DELETION' });
    await plane.clock.advance(1);
    expect(backups().map((backup) => backup.BackupId)).to.not.include(BackupId);
    expect(plane.vault.files.has(BackupId)).to.equal(false);
    expect(() => plane.backups.restoreBackup(SCOPE, { BackupId })).to.throw(CloudHsmResourceNotFoundException);
  });

  it('keeps the last backup of a cluster past its retention, and expires older ones', async () => {
    await plane.clock.advance(100 * DAY);
    await plane.backups.dailyRun();
    const states = backups().map((backup) => backup.BackupState).sort();
    expect(states).to.deep.equal(['PENDING_DELETION', 'READY']);
    await plane.clock.advance(7 * DAY);
    expect(backups().map((backup) => backup.BackupState)).to.deep.equal(['READY']);
  });

  it('takes the daily backup every 24 hours of simulated time, at time scale 0 too', async () => {
    plane.backups.resumeWaitingPeriods();
    await plane.clock.idle();
    expect(backups()).to.have.length(1);
    await plane.clock.advance(3 * DAY);
    const created = plane.backups.describeBackups(SCOPE, { SortAscending: true }).Backups.map((backup) => backup.CreateTimestamp.getTime());
    expect(created).to.have.length(4);
    expect(created.slice(2).map((time, index) => time - created[index + 1]!)).to.deep.equal([DAY, DAY]);
    expect(created[3]).to.equal(plane.clock.now().getTime());
  });

  it('copies a backup to another Region, with its source named', async () => {
    const { BackupId } = backups()[0]!;
    const { DestinationBackup } = plane.backups.copyBackupToRegion(SCOPE, { DestinationRegion: 'eu-west-1', BackupId });
    expect(DestinationBackup).to.include({ SourceRegion: 'us-east-2', SourceBackup: BackupId, SourceCluster: clusterId });
    await plane.scheduler.idle();
    const [copy] = plane.backups.describeBackups({ ...SCOPE, region: 'eu-west-1' }, {}).Backups;
    expect(copy).to.include({ BackupState: 'READY', SourceBackup: BackupId, SourceRegion: 'us-east-2' });
    expect(plane.backups.describeBackups({ ...SCOPE, region: 'eu-west-1' }, { Filters: { sourceBackupIds: [BackupId] } }).Backups).to.have.length(1);
  });

  it("creates an ACTIVE cluster from a backup, with the source's certificate; its first HSM restores the backup", async () => {
    const { BackupId } = backups()[0]!;
    const source = plane.clusters.describeClusters(SCOPE, { Filters: { clusterIds: [clusterId] } }).Clusters[0]!;
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: SUBNETS, SourceBackupId: BackupId });
    expect(Cluster).to.include({ SourceBackupId: BackupId, State: 'CREATE_IN_PROGRESS' });
    await plane.scheduler.idle();
    const restored = plane.clusters.describeClusters(SCOPE, { Filters: { clusterIds: [Cluster.ClusterId] } }).Clusters[0]!;
    expect(restored.State).to.equal('ACTIVE');
    expect(restored.Certificates.ClusterCertificate).to.equal(source.Certificates.ClusterCertificate);

    plane.hsms.createHsm(SCOPE, { ClusterId: Cluster.ClusterId, AvailabilityZone: 'us-east-2b' });
    await plane.scheduler.idle();
    const launch = plane.appliance.launches.at(-1)!;
    expect(launch).to.include({ firstHsm: false, restoreSnapshotFile: `memory:${BackupId}` });
    expect(launch.cloneFrom).to.equal(undefined);
  });
});

describe('CloudHSM backups across a restart', () => {
  let directory: string;

  beforeEach(() => {
    directory = createTempDir('cloudhsm-backups');
  });
  afterEach(() => removeTempDir(directory));

  it('purges a backup deleted before the restart once its 7 days have passed', async () => {
    const file = join(directory, 'control-plane.sqlite');
    const before = createControlPlane(file);
    await activeCluster(before);
    const { BackupId } = before.backups.describeBackups(SCOPE, {}).Backups[0]!;
    before.backups.deleteBackup(SCOPE, { BackupId });
    await before.clock.stop();
    before.database.close();

    const after = createControlPlane(file, 8);
    try {
      after.backups.resumeWaitingPeriods();
      await after.clock.idle();
      expect(after.backups.describeBackups(SCOPE, {}).Backups[0]).to.include({ BackupId, BackupState: 'PENDING_DELETION' });
      await after.clock.advance(7 * DAY);
      expect(after.backups.describeBackups(SCOPE, { Filters: { backupIds: [BackupId] } }).Backups).to.deep.equal([]);
    } finally {
      await after.clock.stop();
      after.database.close();
    }
  });
});
