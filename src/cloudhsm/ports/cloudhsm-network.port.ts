// What CloudHSM needs of the EC2 view: subnets to place HSMs in, the cluster security group, ENIs.

export interface SubnetInfo {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
}

export interface CloudHsmNetwork {
  subnet(accountId: string, region: string, subnetId: string): SubnetInfo | undefined;
  /** aws-behaviour 6.9: `cloudhsm-cluster-<id>-sg`, TCP 2223-2225 inbound and outbound within itself. */
  createClusterSecurityGroup(accountId: string, region: string, vpcId: string, clusterId: string): string;
  deleteSecurityGroup(accountId: string, region: string, groupId: string): void;
  allocateNetworkInterface(request: {
    readonly accountId: string;
    readonly region: string;
    readonly subnetId: string;
    readonly securityGroupId: string;
    readonly description: string;
    readonly ipAddress?: string;
  }): { readonly eniId: string; readonly ipAddress: string };
  releaseNetworkInterface(accountId: string, region: string, eniId: string): void;
}
