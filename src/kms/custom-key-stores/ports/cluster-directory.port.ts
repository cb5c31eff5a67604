// What KMS sees of CloudHSM: DescribeClusters as its service-linked role may call it (aws-behaviour 2.16),
// plus where each HSM listens - the simulator's stand-in for the CloudHSM client's configuration.

import type { ClusterState } from '../../../cloudhsm/domain/cluster.states';
import type { HsmState } from '../../../cloudhsm/domain/hsm.states';

export interface HsmEndpoint {
  readonly host: string;
  /** The crypto port (2223 on AWS). */
  readonly crypto: number;
}

export interface ClusterHsm {
  readonly hsmId: string;
  readonly availabilityZone: string;
  readonly subnetId: string;
  readonly state: HsmState;
  /** Absent while the HSM's appliance is not running. */
  readonly endpoint?: HsmEndpoint;
}

export interface ClusterFacts {
  readonly clusterId: string;
  readonly state: ClusterState;
  readonly vpcId: string;
  readonly securityGroup: string;
  /** Availability Zone -> subnet id. */
  readonly subnetMapping: Readonly<Record<string, string>>;
  /** The TrustAnchor given to InitializeCluster. */
  readonly trustAnchor?: string;
  /** Shared by every cluster of one backup history (2.1). */
  readonly clusterCertificate?: string;
  readonly hsms: readonly ClusterHsm[];
}

export interface ClusterDirectory {
  /** The cluster in the caller's account and Region; undefined when there is none (or it is DELETED). */
  cluster(accountId: string, region: string, clusterId: string): ClusterFacts | undefined;
}
