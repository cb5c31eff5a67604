// What KMS does in the customer's VPC (aws-behaviour 2.2 step 3, 2.16: the service-linked role may create
// and delete security groups and network interfaces, and read security groups).

import type { AccountRegion } from '../domain/custom-key-store';

export type RuleDirection = 'ingress' | 'egress';

export interface SubnetFacts {
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly freeAddresses: number;
}

export interface NewKeyStoreSecurityGroup extends AccountRegion {
  readonly vpcId: string;
  readonly groupName: string;
  readonly description: string;
  /** 2.2 step 3: the group's one rule lets traffic in from the cluster's security group. */
  readonly ingressFromGroupId: string;
}

export interface NewKeyStoreInterface extends AccountRegion {
  readonly subnetId: string;
  readonly securityGroupIds: readonly string[];
  readonly description: string;
}

export interface KeyStoreNetwork {
  /** Undefined when the subnet no longer exists. */
  subnet(accountId: string, region: string, subnetId: string): SubnetFacts | undefined;
  /** Directions in which the group does not open TCP 2223-2225 to and from itself; undefined when the group is gone. */
  missingHsmPortRules(accountId: string, region: string, groupId: string): readonly RuleDirection[] | undefined;
  createSecurityGroup(request: NewKeyStoreSecurityGroup): string;
  /** A group that is already gone is no error. */
  deleteSecurityGroup(accountId: string, region: string, groupId: string): void;
  createNetworkInterface(request: NewKeyStoreInterface): string;
  /** An interface that is already gone is no error. */
  deleteNetworkInterface(accountId: string, region: string, eniId: string): void;
}
