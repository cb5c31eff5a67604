// The network an account finds in a region before it creates anything: the default VPC, one default
// subnet per availability zone and the VPC's default security group.

import { availabilityZonesOf } from './availability-zones';
import type { Ec2Scope } from './ec2-scope';
import { DEFAULT_GROUP_DESCRIPTION, DEFAULT_GROUP_NAME, defaultGroupRules, type SecurityGroupRecord } from './security-group';
import type { SubnetRecord } from './subnet';
import type { VpcRecord } from './vpc';

// SIM: AWS's default VPC is 172.31.0.0/16 with /20 subnets; 10.0.0.0/16 with /24s maps onto loopback
// 127.0.N.0/24 for the HSM nodes (DESIGN decision 1).
export const DEFAULT_VPC_CIDR = '10.0.0.0/16';

export interface DefaultNetwork {
  readonly vpc: VpcRecord;
  readonly subnets: readonly SubnetRecord[];
  readonly securityGroup: SecurityGroupRecord;
}

export type NewEc2Id = (prefix: 'vpc' | 'subnet' | 'sg' | 'sgr') => string;

export function planDefaultNetwork(scope: Ec2Scope, newId: NewEc2Id): DefaultNetwork {
  const { accountId, region } = scope;
  const vpc: VpcRecord = { id: newId('vpc'), accountId, region, cidrBlock: DEFAULT_VPC_CIDR, isDefault: true };
  // default-vpc: "a default subnet in each Availability Zone", public addressing on launch.
  const subnets = availabilityZonesOf(region).map((zone, index): SubnetRecord => ({
    id: newId('subnet'),
    accountId,
    region,
    vpcId: vpc.id,
    cidrBlock: `10.0.${index + 1}.0/24`,
    availabilityZone: zone.zoneName,
    availabilityZoneId: zone.zoneId,
    defaultForAz: true,
    mapPublicIpOnLaunch: true,
  }));
  const groupId = newId('sg');
  const rules = defaultGroupRules({ id: groupId, accountId }).map((rule) => ({ ...rule, id: newId('sgr') }));
  const securityGroup: SecurityGroupRecord = {
    id: groupId,
    accountId,
    region,
    vpcId: vpc.id,
    name: DEFAULT_GROUP_NAME,
    description: DEFAULT_GROUP_DESCRIPTION,
    rules,
  };
  return { vpc, subnets, securityGroup };
}
