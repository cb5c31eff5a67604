// Records -> the CloudHSM V2 API shapes. Internal fields (cluster key, sync key) never appear here.

import type { ClusterRecord, HsmRecord } from './domain/cluster';
import type { ClusterShape, HsmShape } from './domain/cloudhsm.shapes';

export function hsmView(hsm: HsmRecord): HsmShape {
  return {
    AvailabilityZone: hsm.availabilityZone,
    ClusterId: hsm.clusterId,
    SubnetId: hsm.subnetId,
    EniId: hsm.eniId,
    EniIp: hsm.eniIp,
    HsmId: hsm.hsmId,
    HsmType: hsm.hsmType,
    State: hsm.state,
    StateMessage: hsm.stateMessage,
  };
}

export function clusterView(cluster: ClusterRecord, hsms: readonly HsmRecord[]): ClusterShape {
  return {
    BackupPolicy: 'DEFAULT',
    BackupRetentionPolicy: cluster.backupRetentionPolicy,
    ClusterId: cluster.clusterId,
    CreateTimestamp: cluster.createTimestamp,
    Hsms: hsms.map(hsmView),
    HsmType: cluster.hsmType,
    SecurityGroup: cluster.securityGroup,
    ...(cluster.sourceBackupId ? { SourceBackupId: cluster.sourceBackupId } : {}),
    State: cluster.state,
    ...(cluster.stateMessage ? { StateMessage: cluster.stateMessage } : {}),
    SubnetMapping: cluster.subnetMapping,
    VpcId: cluster.vpcId,
    NetworkType: cluster.networkType,
    Certificates: cluster.certificates,
    TagList: cluster.tags,
    Mode: cluster.mode,
  };
}
