// A subnet: a block of its VPC's range in one availability zone, and the rules for carving a new one.

import { InvalidParameterValue, InvalidSubnetConflict, InvalidSubnetRange } from './ec2.errors';
import { blockSize, containsCidr, overlaps, parseCidr, type Cidr } from './ipv4';
import type { VpcRecord } from './vpc';

export type SubnetRecord = {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly defaultForAz: boolean;
  readonly mapPublicIpOnLaunch: boolean;
};

// subnet-sizing: "The first four IP addresses and the last IP address in each subnet CIDR block are not available".
export const RESERVED_AT_START = 4;
const RESERVED_AT_END = 1;

// subnet-sizing: "The allowed block size is between a /28 netmask and /16 netmask".
const LARGEST_PREFIX = 16;
const SMALLEST_PREFIX = 28;

export function subnetCidr(subnet: SubnetRecord): Cidr {
  return parseCidr(subnet.cidrBlock)!;
}

export function usableAddressCount(cidr: Cidr): number {
  return blockSize(cidr.prefixLength) - RESERVED_AT_START - RESERVED_AT_END;
}

/** The block a new subnet of `vpc` may take, or the error CreateSubnet answers with. */
export function checkNewSubnetCidr(vpc: VpcRecord, siblings: readonly SubnetRecord[], cidrBlock: string): Cidr {
  const cidr = parseCidr(cidrBlock);
  if (!cidr) throw new InvalidParameterValue(`Value (${cidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  const outOfRange = cidr.prefixLength < LARGEST_PREFIX || cidr.prefixLength > SMALLEST_PREFIX || !containsCidr(parseCidr(vpc.cidrBlock)!, cidr);
  if (outOfRange) throw new InvalidSubnetRange(`The CIDR '${cidrBlock}' is invalid.`);
  if (siblings.some((sibling) => overlaps(subnetCidr(sibling), cidr))) {
    throw new InvalidSubnetConflict(`The CIDR '${cidrBlock}' conflicts with another subnet`);
  }
  return cidr;
}
