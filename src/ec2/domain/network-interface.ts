// A network interface (ENI): one private address in a subnet, guarded by security groups, created and
// owned by a service (CloudHSM for an HSM, KMS for a custom key store).

export type NetworkInterfaceRecord = {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly privateIpAddress: string;
  readonly securityGroupIds: readonly string[];
  readonly description: string;
  /** Who created it, e.g. 'cloudhsm' or 'kms'; shown as RequesterId. */
  readonly requester: string;
  /** NetworkInterfaceType of the EC2 model, e.g. 'interface'. */
  readonly interfaceType: string;
};

export const DEFAULT_INTERFACE_TYPE = 'interface';
