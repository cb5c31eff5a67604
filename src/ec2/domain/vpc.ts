// A VPC: an address range in one account and region. The simulator serves the default VPC only.

export type VpcRecord = {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
};
