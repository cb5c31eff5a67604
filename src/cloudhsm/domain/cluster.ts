// The cluster and HSM records the control plane keeps. API shapes are built from these by
// cloudhsm.views.ts; fields under `internal` never leave the simulator.

import type { BackupRetentionPolicy, ClusterCertificates, Tag } from './cloudhsm.shapes';
import type { ClusterState } from './cluster.states';
import type { HsmState } from './hsm.states';

export interface ClusterRecord {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly region: string;
  readonly clusterId: string;
  state: ClusterState;
  stateMessage?: string;
  readonly hsmType: string;
  readonly mode: 'FIPS' | 'NON_FIPS';
  readonly networkType: 'IPV4' | 'DUALSTACK';
  readonly vpcId: string;
  readonly subnetMapping: Record<string, string>;
  readonly securityGroup: string;
  backupRetentionPolicy: BackupRetentionPolicy;
  readonly createTimestamp: Date;
  readonly sourceBackupId?: string;
  tags: Tag[];
  certificates: ClusterCertificates;
  /** The TrustAnchor given to InitializeCluster, kept for KMS's comparison. */
  trustAnchor?: string;
  /** Set when an HSM reported activation (the PRECO changed its password). */
  activated: boolean;
  internal: {
    /** Hex of the cluster-internal AES-256 key that wraps replicated key material and backups. */
    readonly syncKeyHex: string;
    /** SIM: the cluster key lives in the control plane; on AWS it never leaves the first HSM. */
    clusterKeyPem?: string;
  };
}

export interface HsmRecord {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly region: string;
  readonly clusterId: string;
  readonly hsmId: string;
  readonly availabilityZone: string;
  readonly subnetId: string;
  readonly eniId: string;
  readonly eniIp: string;
  readonly hsmType: string;
  state: HsmState;
  stateMessage: string;
  /** 0..31: the HSM's place in its cluster, for key handles. */
  readonly slot: number;
  readonly createTimestamp: Date;
}
