// Private addresses for network interfaces: the lowest free usable address of the subnet, or the one asked for.

import { InsufficientFreeAddressesInSubnet, InvalidIpAddressInUse, InvalidParameterValue } from './ec2.errors';
import { containsAddress, formatIpv4, lastAddress, parseIpv4, type Cidr } from './ipv4';
import { RESERVED_AT_START } from './subnet';

export function pickPrivateAddress(subnet: Cidr, inUse: readonly string[], requested?: string): string {
  const used = new Set(inUse);
  const first = subnet.network + RESERVED_AT_START;
  const last = lastAddress(subnet) - 1;
  if (requested !== undefined) return checkRequested(subnet, used, requested, first, last);
  for (let address = first; address <= last; address += 1) {
    if (!used.has(formatIpv4(address))) return formatIpv4(address);
  }
  throw new InsufficientFreeAddressesInSubnet('The specified subnet does not have enough free addresses to satisfy the request.');
}

function checkRequested(subnet: Cidr, used: ReadonlySet<string>, requested: string, first: number, last: number): string {
  const address = parseIpv4(requested);
  if (address === undefined) throw new InvalidParameterValue(`Invalid value '${requested}' for privateIpAddress`);
  if (!containsAddress(subnet, address)) throw new InvalidParameterValue("Address does not fall within the subnet's address range");
  if (address < first || address > last) throw new InvalidParameterValue("Address is in subnet's reserved address range");
  const canonical = formatIpv4(address);
  if (used.has(canonical)) throw new InvalidIpAddressInUse('The specified address is already in use.');
  return canonical;
}
