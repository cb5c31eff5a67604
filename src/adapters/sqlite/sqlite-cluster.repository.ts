// Clusters and HSMs as documents in the control plane's SQLite database.

import type { BackupRecord } from '../../cloudhsm/domain/backup';
import type { ClusterRecord, HsmRecord } from '../../cloudhsm/domain/cluster';
import type { ClusterRepository } from '../../cloudhsm/ports/cluster.repository';
import { DocumentStore } from './document-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteClusterRepository implements ClusterRepository {
  private readonly clusters: DocumentStore<ClusterRecord>;
  private readonly hsms: DocumentStore<HsmRecord>;
  private readonly backups: DocumentStore<BackupRecord>;

  constructor(private readonly database: SqliteDatabase) {
    this.clusters = new DocumentStore(database, 'cloudhsm_clusters');
    this.hsms = new DocumentStore(database, 'cloudhsm_hsms');
    this.backups = new DocumentStore(database, 'cloudhsm_backups');
  }

  transaction<T>(work: () => T): T {
    return this.database.transaction(work);
  }

  getCluster(clusterId: string): ClusterRecord | undefined {
    return this.clusters.get(clusterId);
  }

  listClusters(accountId: string, region: string): ClusterRecord[] {
    return this.clusters.list(`${accountId}/${region}`);
  }

  allClusters(): ClusterRecord[] {
    return this.clusters.list();
  }

  saveCluster(cluster: ClusterRecord): void {
    this.clusters.put(cluster.clusterId, `${cluster.accountId}/${cluster.region}`, cluster);
  }

  getHsm(hsmId: string): HsmRecord | undefined {
    return this.hsms.get(hsmId);
  }

  hsmsOf(clusterId: string): HsmRecord[] {
    return this.hsms.list(clusterId);
  }

  saveHsm(hsm: HsmRecord): void {
    this.hsms.put(hsm.hsmId, hsm.clusterId, hsm);
  }

  deleteHsm(hsmId: string): void {
    this.hsms.delete(hsmId);
  }

  getBackup(backupId: string): BackupRecord | undefined {
    return this.backups.get(backupId);
  }

  listBackups(accountId: string, region: string): BackupRecord[] {
    return this.backups.list(`${accountId}/${region}`);
  }

  allBackups(): BackupRecord[] {
    return this.backups.list();
  }

  saveBackup(backup: BackupRecord): void {
    this.backups.put(backup.backupId, `${backup.accountId}/${backup.region}`, backup);
  }
}
