// The backup record the control plane keeps (aws-behaviour 6.2, 6.8). `internal` never leaves the
// simulator: it is what a cluster restored from this backup inherits.

import type { Tag } from './cloudhsm.shapes';
import type { BackupState } from './backup.states';

export interface BackupRecord {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly region: string;
  readonly backupId: string;
  state: BackupState;
  readonly clusterId: string;
  readonly createTimestamp: Date;
  readonly hsmType: string;
  readonly mode: 'FIPS' | 'NON_FIPS';
  neverExpires: boolean;
  deleteTimestamp?: Date;
  tags: Tag[];
  resourcePolicy?: string;
  /** Set on a copy made by CopyBackupToRegion. */
  readonly copy?: { readonly sourceRegion: string; readonly sourceBackup: string; readonly sourceCluster: string; readonly copyTimestamp: Date };
  readonly internal: {
    readonly syncKeyHex: string;
    readonly clusterCertificate?: string;
    readonly trustAnchor?: string;
    readonly clusterKeyPem?: string;
    readonly activated: boolean;
  };
}
