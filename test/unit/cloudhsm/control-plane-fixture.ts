// The CloudHSM control plane on fakes: an in-memory SQLite database, a small fake network, a fake
// appliance that records what it is asked to do, a scheduler at time scale 0, a simulated clock over a
// manual one (waiting periods end only when a test advances it) and repeatable ids.

import 'reflect-metadata';
import { container as root } from 'tsyringe';
import { SqliteClusterRepository } from '../../../src/adapters/sqlite/sqlite-cluster.repository';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';
import { BackupService } from '../../../src/cloudhsm/backup.service';
import { CloudHsmTokens } from '../../../src/cloudhsm/cloudhsm.tokens';
import type { BackupVault } from '../../../src/cloudhsm/ports/backup-vault.port';
import { ClusterService, type RequestScope } from '../../../src/cloudhsm/cluster.service';
import type { ClusterRecord, HsmRecord } from '../../../src/cloudhsm/domain/cluster';
import { HsmService } from '../../../src/cloudhsm/hsm.service';
import type { CloudHsmNetwork, SubnetInfo } from '../../../src/cloudhsm/ports/cloudhsm-network.port';
import type { HsmAppliance, HsmLaunch } from '../../../src/cloudhsm/ports/hsm-appliance.port';
import { withOverrides } from '../../../src/main/container';
import { IdGenerator, seededRandom } from '../../../src/shared/ids';
import { Tokens } from '../../../src/shared/injection-tokens';
import { ScaledScheduler } from '../../../src/shared/scheduler';
import { SimulatedClock } from '../../../src/shared/simulated-clock';
import { createHardwareCa } from '../../../hsm-sim/node/certificates';
import { ManualClock } from '../../support/manual-clock';

export const SCOPE: RequestScope = { accountId: '111122223333', region: 'us-east-2' };

export const SUBNETS: Record<string, SubnetInfo> = {
  'subnet-0000000000000000a': { subnetId: 'subnet-0000000000000000a', vpcId: 'vpc-00000000000000001', availabilityZone: 'us-east-2a' },
  'subnet-0000000000000000b': { subnetId: 'subnet-0000000000000000b', vpcId: 'vpc-00000000000000001', availabilityZone: 'us-east-2b' },
  'subnet-0000000000000000c': { subnetId: 'subnet-0000000000000000c', vpcId: 'vpc-00000000000000001', availabilityZone: 'us-east-2c' },
  'subnet-0000000000000000d': { subnetId: 'subnet-0000000000000000d', vpcId: 'vpc-00000000000000002', availabilityZone: 'us-east-2a' },
  'subnet-0000000000000000e': { subnetId: 'subnet-0000000000000000e', vpcId: 'vpc-00000000000000001', availabilityZone: 'us-east-2a' },
};

export class FakeNetwork implements CloudHsmNetwork {
  readonly securityGroups = new Map<string, string>();
  readonly enis = new Map<string, string>();
  private next = 4;

  subnet(_accountId: string, _region: string, subnetId: string): SubnetInfo | undefined {
    return SUBNETS[subnetId];
  }

  createClusterSecurityGroup(_accountId: string, _region: string, _vpcId: string, clusterId: string): string {
    const groupId = `sg-${String(this.securityGroups.size + 1).padStart(17, '0')}`;
    this.securityGroups.set(groupId, `cloudhsm-${clusterId}-sg`);
    return groupId;
  }

  deleteSecurityGroup(_accountId: string, _region: string, groupId: string): void {
    this.securityGroups.delete(groupId);
  }

  allocateNetworkInterface(request: { subnetId: string; ipAddress?: string }): { eniId: string; ipAddress: string } {
    const eniId = `eni-${String(this.next).padStart(17, '0')}`;
    const ipAddress = request.ipAddress ?? `10.0.${Object.keys(SUBNETS).indexOf(request.subnetId)}.${this.next++}`;
    this.enis.set(eniId, ipAddress);
    return { eniId, ipAddress };
  }

  releaseNetworkInterface(_accountId: string, _region: string, eniId: string): void {
    this.enis.delete(eniId);
  }
}

export class FakeAppliance implements HsmAppliance {
  readonly launches: HsmLaunch[] = [];
  readonly destroyed: string[] = [];
  readonly installed: { clusterId: string; hsmIds: string[] }[] = [];
  private readonly ca = createHardwareCa();
  private readonly activatedListeners: ((hsmId: string) => void)[] = [];

  async launch(launch: HsmLaunch): Promise<void> {
    this.launches.push(launch);
  }
  readonly resumed: string[] = [];
  async resume(_cluster: ClusterRecord, hsms: readonly HsmRecord[]): Promise<string[]> {
    this.resumed.push(...hsms.map((hsm) => hsm.hsmId));
    return hsms.map((hsm) => hsm.hsmId);
  }
  peersChanged(): void {}
  installClusterCertificate(cluster: ClusterRecord, hsms: readonly HsmRecord[]): void {
    this.installed.push({ clusterId: cluster.clusterId, hsmIds: hsms.map((hsm) => hsm.hsmId) });
  }
  async snapshot(_cluster: ClusterRecord, hsm: HsmRecord): Promise<string> {
    return JSON.stringify({ snapshotOf: hsm.hsmId });
  }
  async destroy(hsmId: string): Promise<void> {
    this.destroyed.push(hsmId);
  }
  address(): undefined {
    return undefined;
  }
  hardwareCertificates(): { HsmCertificate: string; AwsHardwareCertificate: string; ManufacturerHardwareCertificate: string } {
    return { HsmCertificate: this.ca.certPem, AwsHardwareCertificate: this.ca.certPem, ManufacturerHardwareCertificate: this.ca.certPem };
  }
  onActivated(listener: (hsmId: string) => void): void {
    this.activatedListeners.push(listener);
  }
  onDied(): void {}
  async stopAll(): Promise<void> {}
  activate(hsmId: string): void {
    for (const listener of this.activatedListeners) listener(hsmId);
  }
}

export class MemoryBackupVault implements BackupVault {
  readonly files = new Map<string, string>();
  write(backupId: string, content: string): void {
    this.files.set(backupId, content);
  }
  pathOf(backupId: string): string {
    return `memory:${backupId}`;
  }
  copy(from: string, to: string): void {
    this.files.set(to, this.files.get(from)!);
  }
  remove(backupId: string): void {
    this.files.delete(backupId);
  }
}

export interface ControlPlane {
  readonly clusters: ClusterService;
  readonly hsms: HsmService;
  readonly network: FakeNetwork;
  readonly appliance: FakeAppliance;
  readonly scheduler: ScaledScheduler;
  readonly database: SqliteDatabase;
  readonly backups: BackupService;
  readonly vault: MemoryBackupVault;
  readonly clock: SimulatedClock;
}

/** `seed` makes the ids; a restart over the same file needs another one, or it would hand out the same ids again. */
export function createControlPlane(file = IN_MEMORY, seed = 7): ControlPlane {
  const database = new SqliteDatabase(file);
  const network = new FakeNetwork();
  const appliance = new FakeAppliance();
  const vault = new MemoryBackupVault();
  // An hour ahead of the wall clock: certificates the tests sign "now" are already valid on it.
  const fail = (error: unknown): never => {
    throw error;
  };
  const clock = new SimulatedClock(new ManualClock(Date.now() + 3_600_000), undefined, fail);
  const scheduler = new ScaledScheduler(0, fail);
  const container = withOverrides(root.createChildContainer(), [
    { token: CloudHsmTokens.ClusterRepository, useValue: new SqliteClusterRepository(database) },
    { token: CloudHsmTokens.CloudHsmNetwork, useValue: network },
    { token: CloudHsmTokens.HsmAppliance, useValue: appliance },
    { token: CloudHsmTokens.Scheduler, useValue: scheduler },
    { token: CloudHsmTokens.IdGenerator, useValue: new IdGenerator(seededRandom(seed)) },
    { token: CloudHsmTokens.BackupVault, useValue: vault },
    { token: Tokens.Clock, useValue: clock },
  ]);
  const clusters = container.resolve(ClusterService);
  appliance.onActivated((hsmId) => clusters.hsmActivated(hsmId));
  return { clusters, hsms: container.resolve(HsmService), network, appliance, scheduler, database, backups: container.resolve(BackupService), vault, clock };
}
