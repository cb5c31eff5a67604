// Where clusters and HSMs are kept; one transaction per API mutation.

import type { BackupRecord } from '../domain/backup';
import type { ClusterRecord, HsmRecord } from '../domain/cluster';

export interface ClusterRepository {
  transaction<T>(work: () => T): T;
  getCluster(clusterId: string): ClusterRecord | undefined;
  listClusters(accountId: string, region: string): ClusterRecord[];
  allClusters(): ClusterRecord[];
  saveCluster(cluster: ClusterRecord): void;
  getHsm(hsmId: string): HsmRecord | undefined;
  hsmsOf(clusterId: string): HsmRecord[];
  saveHsm(hsm: HsmRecord): void;
  deleteHsm(hsmId: string): void;
  getBackup(backupId: string): BackupRecord | undefined;
  listBackups(accountId: string, region: string): BackupRecord[];
  /** Every backup of every account and Region (restart: re-arming pending purges). */
  allBackups(): BackupRecord[];
  saveBackup(backup: BackupRecord): void;
}
