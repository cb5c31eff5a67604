// CloudHSM V2 cluster operations: CreateCluster, DescribeClusters, InitializeCluster, ModifyCluster,
// DeleteCluster (aws-behaviour 6.3-6.5).

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { verifySignedClusterCertificate } from '../../hsm-sim/node/certificates';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import type { Scheduler } from '../shared/scheduler';
import { Tokens } from '../shared/injection-tokens';
import { CloudHsmInvalidRequestException, CloudHsmResourceNotFoundException } from './cloudhsm.errors';
import { CloudHsmDurations } from './cloudhsm.durations';
import { BackupService } from './backup.service';
import { CloudHsmTokens } from './cloudhsm.tokens';
import { clusterView } from './cloudhsm.views';
import type { ClusterRecord } from './domain/cluster';
import type { BackupRetentionPolicy, ClusterShape, Tag } from './domain/cloudhsm.shapes';
import { BackupState } from './domain/backup.states';
import { clusterAllows, ClusterState, nextClusterState, type ClusterEvent, type ClusterOperation } from './domain/cluster.states';
import type { HsmAppliance } from './ports/hsm-appliance.port';
import type { CloudHsmNetwork } from './ports/cloudhsm-network.port';
import type { ClusterRepository } from './ports/cluster.repository';

export interface RequestScope {
  readonly accountId: string;
  readonly region: string;
}

/** aws-behaviour 8.2: clusters per account and Region. */
export const CLUSTERS_PER_REGION = 4;
const DEFAULT_RETENTION: BackupRetentionPolicy = { Type: 'DAYS', Value: '90' };
const PAGE_SIZE = 25;

@injectable()
export class ClusterService {
  constructor(
    @inject(CloudHsmTokens.ClusterRepository) private readonly repository: ClusterRepository,
    @inject(CloudHsmTokens.CloudHsmNetwork) private readonly network: CloudHsmNetwork,
    @inject(CloudHsmTokens.HsmAppliance) private readonly appliance: HsmAppliance,
    @inject(CloudHsmTokens.Scheduler) private readonly scheduler: Scheduler,
    @inject(CloudHsmTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: Clock,
    @inject(BackupService) private readonly backups: BackupService,
  ) {}

  createCluster(
    scope: RequestScope,
    input: { HsmType: string; SubnetIds: string[]; SourceBackupId?: string; BackupRetentionPolicy?: BackupRetentionPolicy; TagList?: Tag[]; Mode?: 'FIPS' | 'NON_FIPS'; NetworkType?: 'IPV4' | 'DUALSTACK' },
  ): { Cluster: ClusterShape } {
    const source = input.SourceBackupId ? this.backups.requireReadyBackup(scope, input.SourceBackupId) : undefined;
    // API_CreateCluster: HsmType hsm1.medium or hsm2m.medium.
    if (!['hsm1.medium', 'hsm2m.medium'].includes(input.HsmType)) {
      throw new CloudHsmInvalidRequestException(`HsmType ${input.HsmType} is not supported: use hsm1.medium or hsm2m.medium.`);
    }
    // 6.4: NON_FIPS only with hsm2m.medium.
    if (input.Mode === 'NON_FIPS' && input.HsmType !== 'hsm2m.medium') {
      throw new CloudHsmInvalidRequestException('Mode NON_FIPS needs HsmType hsm2m.medium.');
    }
    const subnets = input.SubnetIds.map((subnetId) => {
      const subnet = this.network.subnet(scope.accountId, scope.region, subnetId);
      if (!subnet) throw new CloudHsmInvalidRequestException(`Subnet ${subnetId} does not exist in ${scope.region}.`);
      return subnet;
    });
    // 6.3 CreateCluster: all subnets in one VPC, at most one per Availability Zone.
    const vpcIds = new Set(subnets.map((subnet) => subnet.vpcId));
    if (vpcIds.size > 1) throw new CloudHsmInvalidRequestException(`All subnets must be in one VPC; these are in ${[...vpcIds].join(', ')}.`);
    const subnetMapping: Record<string, string> = {};
    for (const subnet of subnets) {
      if (subnetMapping[subnet.availabilityZone]) {
        throw new CloudHsmInvalidRequestException(`Subnets ${subnetMapping[subnet.availabilityZone]} and ${subnet.subnetId} are both in ${subnet.availabilityZone}: give at most one subnet per Availability Zone.`);
      }
      subnetMapping[subnet.availabilityZone] = subnet.subnetId;
    }
    this.requireRetention(input.BackupRetentionPolicy);
    // 6.4: backups restore only into clusters of the same mode.
    if (source && (input.Mode ?? 'FIPS') !== source.mode) {
      throw new CloudHsmInvalidRequestException(`Backup ${source.backupId} is ${source.mode}; a cluster restored from it must be ${source.mode} too.`);
    }

    const cluster = this.repository.transaction(() => {
      const live = this.repository.listClusters(scope.accountId, scope.region).filter((existing) => existing.state !== ClusterState.DELETED);
      if (live.length >= CLUSTERS_PER_REGION) {
        throw new CloudHsmInvalidRequestException(`This account already has ${live.length} clusters in ${scope.region}, the quota (${CLUSTERS_PER_REGION}). Delete one first.`);
      }
      const clusterId = this.ids.cloudHsm('cluster');
      const vpcId = [...vpcIds][0]!;
      const record: ClusterRecord = {
        accountId: scope.accountId,
        region: scope.region,
        clusterId,
        state: ClusterState.CREATE_IN_PROGRESS,
        hsmType: input.HsmType,
        mode: input.Mode ?? 'FIPS',
        networkType: input.NetworkType ?? 'IPV4',
        vpcId,
        subnetMapping,
        securityGroup: this.network.createClusterSecurityGroup(scope.accountId, scope.region, vpcId, clusterId),
        backupRetentionPolicy: input.BackupRetentionPolicy ?? DEFAULT_RETENTION,
        createTimestamp: this.clock.now(),
        tags: input.TagList ?? [],
        // 6.4: a cluster from a backup shares the source's ClusterCertificate, users and keys.
        certificates: source?.internal.clusterCertificate ? { ClusterCertificate: source.internal.clusterCertificate } : {},
        activated: source?.internal.activated ?? false,
        ...(source ? { sourceBackupId: source.backupId } : {}),
        ...(source?.internal.trustAnchor ? { trustAnchor: source.internal.trustAnchor } : {}),
        internal: {
          syncKeyHex: source?.internal.syncKeyHex ?? randomBytes(32).toString('hex'),
          ...(source?.internal.clusterKeyPem ? { clusterKeyPem: source.internal.clusterKeyPem } : {}),
        },
      };
      this.repository.saveCluster(record);
      return record;
    });
    this.scheduler.after(CloudHsmDurations.createCluster, () => this.apply(cluster.clusterId, source ? 'createdFromBackup' : 'created'));
    return { Cluster: clusterView(cluster, []) };
  }

  /**
   * The Regions where the account has clusters (not DELETED; the Region of its oldest cluster first) and
   * backups: the web console's Region picker.
   */
  regionsInUse(accountId: string): { clusters: string[]; backups: string[] } {
    const clusters = this.repository
      .allClusters()
      .filter((cluster) => cluster.accountId === accountId && cluster.state !== ClusterState.DELETED)
      .sort((a, b) => a.createTimestamp.getTime() - b.createTimestamp.getTime());
    const backups = this.repository.allBackups().filter((backup) => backup.accountId === accountId && backup.state !== BackupState.DELETED);
    return { clusters: [...new Set(clusters.map((cluster) => cluster.region))], backups: [...new Set(backups.map((backup) => backup.region))] };
  }

  describeClusters(
    scope: RequestScope,
    input: { Filters?: Record<string, string[]>; NextToken?: string; MaxResults?: number },
  ): { Clusters: ClusterShape[]; NextToken?: string } {
    const filters = input.Filters ?? {};
    for (const name of Object.keys(filters)) {
      if (!['clusterIds', 'vpcIds', 'states'].includes(name)) {
        throw new CloudHsmInvalidRequestException(`Unknown filter ${name}: use clusterIds, vpcIds or states.`);
      }
    }
    const matches = (values: string[] | undefined, value: string): boolean => !values || values.includes(value);
    const clusters = this.repository
      .listClusters(scope.accountId, scope.region)
      .filter((cluster) => matches(filters.clusterIds, cluster.clusterId) && matches(filters.vpcIds, cluster.vpcId) && matches(filters.states, cluster.state));
    const start = input.NextToken ? decodeToken(input.NextToken) : 0;
    const size = input.MaxResults ?? PAGE_SIZE;
    const page = clusters.slice(start, start + size);
    const next = start + size < clusters.length ? encodeToken(start + size) : undefined;
    return {
      Clusters: page.map((cluster) => clusterView(cluster, this.repository.hsmsOf(cluster.clusterId))),
      ...(next ? { NextToken: next } : {}),
    };
  }

  initializeCluster(scope: RequestScope, input: { ClusterId: string; SignedCert: string; TrustAnchor: string }): { State: string; StateMessage: string } {
    const cluster = this.requireCluster(scope, input.ClusterId, 'InitializeCluster');
    const csr = cluster.certificates.ClusterCsr;
    if (cluster.state !== ClusterState.UNINITIALIZED || !csr) {
      throw new CloudHsmInvalidRequestException(
        csr ? `Cluster ${cluster.clusterId} is ${cluster.state}; only an UNINITIALIZED cluster can be initialized.` : `Cluster ${cluster.clusterId} has no CSR yet: create its first HSM (CreateHsm) and wait until it is ACTIVE.`,
      );
    }
    // 6.5: the signed certificate must carry the CSR's key and chain to the trust anchor.
    const check = verifySignedClusterCertificate({ csrPem: csr, signedCertPem: input.SignedCert, trustAnchorPem: input.TrustAnchor, now: this.clock.now() });
    if (!check.ok) throw new CloudHsmInvalidRequestException(`The signed certificate was rejected: ${check.reason}`);

    const updated = this.repository.transaction(() => {
      const current = this.requireCluster(scope, input.ClusterId, 'InitializeCluster');
      current.state = this.next(current, 'initialize');
      current.stateMessage = 'Cluster is initializing. State will change to INITIALIZED upon completion.';
      current.certificates = { ...current.certificates, ClusterCertificate: input.SignedCert };
      current.trustAnchor = input.TrustAnchor;
      this.repository.saveCluster(current);
      return current;
    });
    this.scheduler.after(CloudHsmDurations.initializeCluster, () => this.finishInitialization(updated.clusterId));
    return { State: updated.state, StateMessage: updated.stateMessage! };
  }

  modifyCluster(scope: RequestScope, input: { ClusterId: string; BackupRetentionPolicy?: BackupRetentionPolicy; HsmType?: string }): { Cluster: ClusterShape } {
    if (input.HsmType) throw new CloudHsmInvalidRequestException('Changing HsmType (migration) is not simulated yet.');
    if (!input.BackupRetentionPolicy) throw new CloudHsmInvalidRequestException('Give BackupRetentionPolicy to change.');
    this.requireRetention(input.BackupRetentionPolicy);
    const cluster = this.repository.transaction(() => {
      const current = this.requireCluster(scope, input.ClusterId, 'ModifyCluster');
      current.backupRetentionPolicy = input.BackupRetentionPolicy!;
      this.repository.saveCluster(current);
      return current;
    });
    return { Cluster: clusterView(cluster, this.repository.hsmsOf(cluster.clusterId)) };
  }

  deleteCluster(scope: RequestScope, input: { ClusterId: string }): { Cluster: ClusterShape } {
    const cluster = this.repository.transaction(() => {
      const current = this.requireCluster(scope, input.ClusterId, 'DeleteCluster');
      const hsms = this.repository.hsmsOf(current.clusterId);
      // 6.3 DeleteCluster: fails unless all HSMs are removed.
      if (hsms.length > 0) {
        throw new CloudHsmInvalidRequestException(`Cluster ${current.clusterId} still has ${hsms.length} HSM(s) (${hsms.map((hsm) => hsm.hsmId).join(', ')}): delete them first (DeleteHsm).`);
      }
      current.state = this.next(current, 'delete');
      current.stateMessage = 'The cluster is being deleted.';
      this.repository.saveCluster(current);
      return current;
    });
    this.scheduler.after(CloudHsmDurations.deleteCluster, () => {
      this.apply(cluster.clusterId, 'deleted');
      try {
        this.network.deleteSecurityGroup(cluster.accountId, cluster.region, cluster.securityGroup);
      } catch (error) {
        // A connected KMS store's ENIs still use the group; AWS leaves such a group behind too.
        if (!(error instanceof Error && error.name === 'DependencyViolation')) throw error;
      }
    });
    return { Cluster: clusterView(cluster, []) };
  }

  /** An HSM reported that its PRECO became a CO (cmu changePswd PRECO / cli cluster activate). */
  hsmActivated(hsmId: string): void {
    const activated = this.repository.transaction(() => {
      const hsm = this.repository.getHsm(hsmId);
      const cluster = hsm && this.repository.getCluster(hsm.clusterId);
      if (!cluster || cluster.activated) return undefined;
      cluster.activated = true;
      const next = nextClusterState(cluster.state, 'activated');
      if (next) {
        cluster.state = next;
        delete cluster.stateMessage;
      }
      this.repository.saveCluster(cluster);
      return cluster;
    });
    // 6.8: a backup is taken on activation.
    if (activated) this.scheduler.after(0, () => this.backups.takeBackup(activated.clusterId).then(() => undefined));
  }

  requireCluster(scope: RequestScope, clusterId: string, operation: ClusterOperation | 'InitializeCluster'): ClusterRecord {
    const cluster = this.repository.getCluster(clusterId);
    if (!cluster || cluster.accountId !== scope.accountId || cluster.region !== scope.region || cluster.state === ClusterState.DELETED) {
      throw new CloudHsmResourceNotFoundException(`Cluster ${clusterId} does not exist in ${scope.region}.`);
    }
    if (!clusterAllows(cluster.state, operation)) {
      throw new CloudHsmInvalidRequestException(`${operation} is not possible while cluster ${clusterId} is ${cluster.state}.`);
    }
    return cluster;
  }

  private finishInitialization(clusterId: string): void {
    const cluster = this.repository.transaction(() => {
      const current = this.repository.getCluster(clusterId);
      if (!current) return undefined;
      current.state = this.next(current, 'initialized');
      delete current.stateMessage;
      // 6.2: the CSR exists only while UNINITIALIZED.
      const { ClusterCsr: _csr, ...certificates } = current.certificates;
      current.certificates = certificates;
      // An HSM may have been activated before initialisation finished.
      if (current.activated) current.state = this.next(current, 'activated');
      this.repository.saveCluster(current);
      return current;
    });
    if (cluster?.certificates.ClusterCertificate && cluster.internal.clusterKeyPem) {
      this.appliance.installClusterCertificate(cluster, this.repository.hsmsOf(clusterId), cluster.certificates.ClusterCertificate, cluster.internal.clusterKeyPem);
    }
  }

  private apply(clusterId: string, event: ClusterEvent): void {
    this.repository.transaction(() => {
      const cluster = this.repository.getCluster(clusterId);
      if (!cluster) return;
      cluster.state = this.next(cluster, event);
      this.repository.saveCluster(cluster);
    });
  }

  private next(cluster: ClusterRecord, event: ClusterEvent): ClusterState {
    const state = nextClusterState(cluster.state, event);
    if (!state) throw new CloudHsmInvalidRequestException(`Cluster ${cluster.clusterId} is ${cluster.state}; '${event}' is not possible now.`);
    return state;
  }

  private requireRetention(policy: BackupRetentionPolicy | undefined): void {
    if (!policy) return;
    const days = Number(policy.Value);
    // 6.8: retention 7-379 days.
    if (policy.Type !== 'DAYS' || !Number.isInteger(days) || days < 7 || days > 379) {
      throw new CloudHsmInvalidRequestException(`BackupRetentionPolicy must be DAYS from 7 to 379, not ${policy.Type} ${policy.Value}.`);
    }
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new CloudHsmInvalidRequestException('NextToken is not one this service issued.');
}
