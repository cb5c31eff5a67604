// Backups (aws-behaviour 6.8): taken on activation, on adding or removing an HSM of an active cluster
// and daily; DescribeBackups, DeleteBackup (PENDING_DELETION for 7 days), RestoreBackup,
// ModifyBackupAttributes, CopyBackupToRegion, and the retention policy. The 7 days of PENDING_DELETION,
// retention and the daily run wait on the simulated clock; copying stays on the scaled scheduler.

import { inject, injectable } from 'tsyringe';
import type { AlarmClock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { Tokens } from '../shared/injection-tokens';
import type { Scheduler } from '../shared/scheduler';
import { CloudHsmInvalidRequestException, CloudHsmResourceNotFoundException } from './cloudhsm.errors';
import { CloudHsmTokens } from './cloudhsm.tokens';
import type { RequestScope } from './cluster.service';
import type { BackupRecord } from './domain/backup';
import type { HsmRecord } from './domain/cluster';
import { BackupState, nextBackupState, type BackupEvent } from './domain/backup.states';
import type { Tag } from './domain/cloudhsm.shapes';
import { HsmState } from './domain/hsm.states';
import type { BackupVault } from './ports/backup-vault.port';
import type { HsmAppliance } from './ports/hsm-appliance.port';
import type { ClusterRepository } from './ports/cluster.repository';

const DAY_MS = 24 * 60 * 60_000;
/** 6.8: a deleted backup can be restored for 7 days. */
const PENDING_DELETION_DAYS = 7;
/** 6.8: "at least every 24 hours". */
const DAILY_MS = DAY_MS;
const PAGE_SIZE = 50;
const BACKUP_ARN = /^(?:arn:aws(?:-us-gov)?:cloudhsm:[a-z0-9-]+:\d{12}:backup\/)?(backup-[2-7a-zA-Z]{11,16})$/;

export interface BackupShape {
  readonly BackupId: string;
  readonly BackupArn: string;
  readonly BackupState: string;
  readonly ClusterId: string;
  readonly CreateTimestamp: Date;
  readonly NeverExpires: boolean;
  readonly HsmType: string;
  readonly Mode: string;
  readonly TagList: Tag[];
  readonly DeleteTimestamp?: Date;
  readonly CopyTimestamp?: Date;
  readonly SourceRegion?: string;
  readonly SourceBackup?: string;
  readonly SourceCluster?: string;
}

@injectable()
export class BackupService {
  constructor(
    @inject(CloudHsmTokens.ClusterRepository) private readonly repository: ClusterRepository,
    @inject(CloudHsmTokens.HsmAppliance) private readonly appliance: HsmAppliance,
    @inject(CloudHsmTokens.BackupVault) private readonly vault: BackupVault,
    @inject(CloudHsmTokens.Scheduler) private readonly scheduler: Scheduler,
    @inject(CloudHsmTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: AlarmClock,
  ) {}

  /** Backs up the given HSM, or one ACTIVE HSM of the cluster; does nothing when none is running. */
  async takeBackup(clusterId: string, from?: HsmRecord): Promise<BackupRecord | undefined> {
    const cluster = this.repository.getCluster(clusterId);
    const source = cluster && (from ?? this.repository.hsmsOf(clusterId).find((hsm) => hsm.state === HsmState.ACTIVE));
    if (!cluster || !source) return undefined;
    const backupId = this.ids.cloudHsm('backup');
    const record: BackupRecord = {
      accountId: cluster.accountId,
      region: cluster.region,
      backupId,
      state: BackupState.CREATE_IN_PROGRESS,
      clusterId,
      createTimestamp: this.clock.now(),
      hsmType: cluster.hsmType,
      mode: cluster.mode,
      neverExpires: false,
      tags: [],
      internal: {
        syncKeyHex: cluster.internal.syncKeyHex,
        activated: cluster.activated,
        ...(cluster.certificates.ClusterCertificate ? { clusterCertificate: cluster.certificates.ClusterCertificate } : {}),
        ...(cluster.trustAnchor ? { trustAnchor: cluster.trustAnchor } : {}),
        ...(cluster.internal.clusterKeyPem ? { clusterKeyPem: cluster.internal.clusterKeyPem } : {}),
      },
    };
    this.repository.transaction(() => this.repository.saveBackup(record));
    this.vault.write(backupId, await this.appliance.snapshot(cluster, source));
    this.apply(backupId, 'created');
    return record;
  }

  /** The daily backup of every active cluster, then retention. */
  async dailyRun(): Promise<void> {
    for (const cluster of this.repository.allClusters()) {
      if (cluster.activated) await this.takeBackup(cluster.clusterId);
    }
    this.expire();
  }

  /**
   * At start: every PENDING_DELETION backup waits again for its purge (one already due is purged at once),
   * and the daily run is set for every 24 hours of simulated time. Days pass on the simulated clock at every
   * time scale, so the daily run is on at time scale 0 too: at real speed it runs once a day, and an
   * experiment that advances the clock 7 days gets 7 runs, each at its own simulated moment.
   */
  resumeWaitingPeriods(): void {
    for (const backup of this.repository.allBackups()) {
      if (backup.state === BackupState.PENDING_DELETION) this.awaitPurge(backup);
    }
    // SIM: the daily run counts its 24 hours from the simulator's start, not from each cluster's last backup.
    this.scheduleDailyRun();
  }

  describeBackups(
    scope: RequestScope,
    input: { Filters?: Record<string, string[]>; NextToken?: string; MaxResults?: number; SortAscending?: boolean },
  ): { Backups: BackupShape[]; NextToken?: string } {
    const filters = input.Filters ?? {};
    const fields: Record<string, (backup: BackupRecord) => string> = {
      backupIds: (backup) => backup.backupId,
      sourceBackupIds: (backup) => backup.copy?.sourceBackup ?? '',
      clusterIds: (backup) => backup.clusterId,
      states: (backup) => backup.state,
      neverExpires: (backup) => String(backup.neverExpires),
    };
    for (const name of Object.keys(filters)) {
      if (!fields[name]) throw new CloudHsmInvalidRequestException(`Unknown filter ${name}: use ${Object.keys(fields).join(', ')}.`);
    }
    const backups = this.repository
      .listBackups(scope.accountId, scope.region)
      .filter((backup) => backup.state !== BackupState.DELETED)
      .filter((backup) => Object.entries(filters).every(([name, values]) => values.includes(fields[name]!(backup))))
      .sort((a, b) => (a.createTimestamp.getTime() - b.createTimestamp.getTime()) * (input.SortAscending ? 1 : -1));
    const start = input.NextToken ? Number.parseInt(input.NextToken, 10) : 0;
    if (!Number.isInteger(start) || start < 0) throw new CloudHsmInvalidRequestException('NextToken is not one this service issued.');
    const end = start + (input.MaxResults ?? PAGE_SIZE);
    return { Backups: backups.slice(start, end).map(backupView), ...(end < backups.length ? { NextToken: String(end) } : {}) };
  }

  deleteBackup(scope: RequestScope, input: { BackupId: string }): { Backup: BackupShape } {
    const deleted = this.mutate(scope, input.BackupId, 'delete', (backup) => (backup.deleteTimestamp = this.clock.now()));
    this.awaitPurge(deleted);
    return { Backup: backupView(deleted) };
  }

  restoreBackup(scope: RequestScope, input: { BackupId: string }): { Backup: BackupShape } {
    return { Backup: backupView(this.mutate(scope, input.BackupId, 'restore', (backup) => delete backup.deleteTimestamp)) };
  }

  modifyBackupAttributes(scope: RequestScope, input: { BackupId: string; NeverExpires: boolean }): { Backup: BackupShape } {
    return { Backup: backupView(this.mutate(scope, input.BackupId, undefined, (backup) => (backup.neverExpires = input.NeverExpires))) };
  }

  copyBackupToRegion(
    scope: RequestScope,
    input: { DestinationRegion: string; BackupId: string; TagList?: Tag[] },
  ): { DestinationBackup: { CreateTimestamp: Date; SourceRegion: string; SourceBackup: string; SourceCluster: string } } {
    const source = this.requireBackup(scope, input.BackupId);
    if (source.state !== BackupState.READY) throw new CloudHsmInvalidRequestException(`Backup ${source.backupId} is ${source.state}; only a READY backup can be copied.`);
    if (input.DestinationRegion === scope.region) throw new CloudHsmInvalidRequestException('DestinationRegion must be another Region.');
    const copyId = this.ids.cloudHsm('backup');
    const copy: BackupRecord = {
      ...source,
      region: input.DestinationRegion,
      backupId: copyId,
      state: BackupState.CREATE_IN_PROGRESS,
      neverExpires: false,
      // API_CopyBackupToRegion: tags are copied unless a TagList is given.
      tags: input.TagList ?? source.tags,
      copy: { sourceRegion: scope.region, sourceBackup: source.backupId, sourceCluster: source.clusterId, copyTimestamp: this.clock.now() },
    };
    delete copy.resourcePolicy;
    this.repository.transaction(() => this.repository.saveBackup(copy));
    this.vault.copy(source.backupId, copyId);
    this.scheduler.after(60_000, () => void this.apply(copyId, 'created'));
    return { DestinationBackup: { CreateTimestamp: source.createTimestamp, SourceRegion: scope.region, SourceBackup: source.backupId, SourceCluster: source.clusterId } };
  }

  /** A READY backup by id or ARN, for CreateCluster with SourceBackupId. */
  requireReadyBackup(scope: RequestScope, idOrArn: string): BackupRecord {
    const backup = this.requireBackup(scope, BACKUP_ARN.exec(idOrArn)?.[1] ?? idOrArn);
    if (backup.state !== BackupState.READY) throw new CloudHsmInvalidRequestException(`Backup ${backup.backupId} is ${backup.state}; restore from a READY backup.`);
    return backup;
  }

  /** The newest READY backup of a cluster (or of the backup it was created from), to restore a new HSM. */
  latestBackupFile(clusterId: string, sourceBackupId?: string): string | undefined {
    const cluster = this.repository.getCluster(clusterId);
    if (!cluster) return undefined;
    const candidates = this.repository
      .listBackups(cluster.accountId, cluster.region)
      .filter((backup) => backup.state === BackupState.READY && (backup.clusterId === clusterId || backup.backupId === sourceBackupId))
      .sort((a, b) => b.createTimestamp.getTime() - a.createTimestamp.getTime());
    return candidates[0] && this.vault.pathOf(candidates[0].backupId);
  }

  setResourcePolicy(backupId: string, policy: string | undefined): void {
    this.repository.transaction(() => {
      const backup = this.repository.getBackup(backupId)!;
      if (policy === undefined) delete backup.resourcePolicy;
      else backup.resourcePolicy = policy;
      this.repository.saveBackup(backup);
    });
  }

  requireBackup(scope: RequestScope, backupId: string): BackupRecord {
    const backup = this.repository.getBackup(backupId);
    if (!backup || backup.accountId !== scope.accountId || backup.region !== scope.region || backup.state === BackupState.DELETED) {
      throw new CloudHsmResourceNotFoundException(`Backup ${backupId} does not exist in ${scope.region}.`);
    }
    return backup;
  }

  /** 6.8: retention (default 90 days, never the cluster's last backup, not NeverExpires). */
  private expire(): void {
    const now = this.clock.now().getTime();
    for (const cluster of this.repository.allClusters()) {
      const backups = this.repository.listBackups(cluster.accountId, cluster.region).filter((backup) => backup.state !== BackupState.DELETED);
      const ofCluster = backups.filter((backup) => backup.clusterId === cluster.clusterId && !backup.copy);
      const newest = ofCluster.reduce<BackupRecord | undefined>((latest, backup) => (!latest || backup.createTimestamp > latest.createTimestamp ? backup : latest), undefined);
      const retentionMs = Number(cluster.backupRetentionPolicy.Value) * DAY_MS;
      for (const backup of ofCluster) {
        if (backup !== newest && !backup.neverExpires && backup.state === BackupState.READY && now - backup.createTimestamp.getTime() > retentionMs) {
          const deleted = this.apply(backup.backupId, 'delete', (record) => (record.deleteTimestamp = new Date(now)));
          if (deleted) this.awaitPurge(deleted);
        }
      }
    }
  }

  private scheduleDailyRun(): void {
    this.clock.at(new Date(this.clock.now().getTime() + DAILY_MS), async () => {
      await this.dailyRun();
      this.scheduleDailyRun();
    });
  }

  /** 6.8: a deleted backup can be restored for 7 days; then it is purged, unless restored (or deleted again) meanwhile. */
  private awaitPurge(backup: BackupRecord): void {
    const deletedAt = backup.deleteTimestamp?.getTime() ?? this.clock.now().getTime();
    this.clock.at(new Date(deletedAt + PENDING_DELETION_DAYS * DAY_MS), () => {
      const current = this.repository.getBackup(backup.backupId);
      if (current?.state !== BackupState.PENDING_DELETION || (current.deleteTimestamp?.getTime() ?? deletedAt) !== deletedAt) return;
      if (this.apply(backup.backupId, 'purge')) this.vault.remove(backup.backupId);
    });
  }

  private mutate(scope: RequestScope, backupId: string, event: BackupEvent | undefined, change: (backup: BackupRecord) => void): BackupRecord {
    return this.repository.transaction(() => {
      const backup = this.requireBackup(scope, backupId);
      if (event) {
        const next = nextBackupState(backup.state, event);
        if (!next) throw new CloudHsmInvalidRequestException(`Backup ${backupId} is ${backup.state}; ${event === 'delete' ? 'only a READY backup can be deleted' : 'only a PENDING_DELETION backup can be restored'}.`);
        backup.state = next;
      }
      change(backup);
      this.repository.saveBackup(backup);
      return backup;
    });
  }

  /** The backup after the event, or undefined when there is no such backup or the event does not apply to its state. */
  private apply(backupId: string, event: BackupEvent, change?: (backup: BackupRecord) => void): BackupRecord | undefined {
    return this.repository.transaction(() => {
      const backup = this.repository.getBackup(backupId);
      const next = backup && nextBackupState(backup.state, event);
      if (!backup || !next) return undefined;
      backup.state = next;
      change?.(backup);
      this.repository.saveBackup(backup);
      return backup;
    });
  }
}

export function backupView(backup: BackupRecord): BackupShape {
  return {
    BackupId: backup.backupId,
    BackupArn: `arn:aws:cloudhsm:${backup.region}:${backup.accountId}:backup/${backup.backupId}`,
    BackupState: backup.state,
    ClusterId: backup.clusterId,
    CreateTimestamp: backup.createTimestamp,
    NeverExpires: backup.neverExpires,
    HsmType: backup.hsmType,
    Mode: backup.mode,
    TagList: backup.tags,
    ...(backup.deleteTimestamp ? { DeleteTimestamp: backup.deleteTimestamp } : {}),
    ...(backup.copy
      ? { CopyTimestamp: backup.copy.copyTimestamp, SourceRegion: backup.copy.sourceRegion, SourceBackup: backup.copy.sourceBackup, SourceCluster: backup.copy.sourceCluster }
      : {}),
  };
}
