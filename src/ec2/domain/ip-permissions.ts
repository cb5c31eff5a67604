// IpPermission, EC2's way of writing rules (one protocol and port range with a list of peers), to and
// from the one-rule-per-peer form groups keep.

import { InvalidParameterValue, MissingParameter } from './ec2.errors';
import { parseCidr } from './ipv4';
import { ALL_PROTOCOLS, type RuleDirection, type RulePeer, type RuleSpec } from './security-group';

export type IpRange = { readonly CidrIp?: string; readonly Description?: string };
export type UserIdGroupPair = { readonly GroupId?: string; readonly GroupName?: string; readonly UserId?: string; readonly Description?: string };

export type IpPermission = {
  readonly IpProtocol?: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly IpRanges?: readonly IpRange[];
  readonly Ipv6Ranges?: readonly { readonly CidrIpv6?: string; readonly Description?: string }[];
  readonly PrefixListIds?: readonly { readonly PrefixListId?: string; readonly Description?: string }[];
  readonly UserIdGroupPairs?: readonly UserIdGroupPair[];
};

/** Turns a UserIdGroupPair into the group it names, or throws InvalidGroup.NotFound. */
export type GroupResolver = (pair: UserIdGroupPair) => { readonly groupId: string; readonly userId: string };

const PROTOCOL_NAMES = new Map([
  ['-1', ALL_PROTOCOLS],
  ['tcp', 'tcp'],
  ['6', 'tcp'],
  ['udp', 'udp'],
  ['17', 'udp'],
  ['icmp', 'icmp'],
  ['1', 'icmp'],
]);
const PORT_PROTOCOLS = new Set(['tcp', 'udp']);
const MAX_PORT = 65535;
const MAX_ICMP = 255;

export function parsePermissions(direction: RuleDirection, permissions: readonly IpPermission[], resolveGroup: GroupResolver): RuleSpec[] {
  if (permissions.length === 0) throw new MissingParameter('The request must contain the parameter ipPermissions');
  return permissions.flatMap((permission) => parsePermission(direction, permission, resolveGroup));
}

function parsePermission(direction: RuleDirection, permission: IpPermission, resolveGroup: GroupResolver): RuleSpec[] {
  // SIM: IPv6 ranges and prefix lists are not simulated; KMS and CloudHSM use IPv4 rules only (aws-behaviour 5).
  if (permission.Ipv6Ranges?.length || permission.PrefixListIds?.length) {
    throw new InvalidParameterValue('The simulator supports IpRanges and UserIdGroupPairs only');
  }
  const protocol = parseProtocol(permission.IpProtocol);
  const ports = parsePorts(protocol, permission);
  const peers: { peer: RulePeer; description?: string }[] = [
    ...(permission.IpRanges ?? []).map((range) => ({ peer: cidrPeer(range.CidrIp), description: range.Description })),
    ...(permission.UserIdGroupPairs ?? []).map((pair) => ({ peer: { kind: 'group' as const, ...resolveGroup(pair) }, description: pair.Description })),
  ];
  // SIM: the message is ours; AWS's text for a permission without any peer is not documented.
  if (peers.length === 0) throw new MissingParameter('The request must contain IpRanges or UserIdGroupPairs for each IpPermission');
  return peers.map(({ peer, description }) => ({ direction, protocol, ...ports, peer, ...(description === undefined ? {} : { description }) }));
}

function parseProtocol(text: string | undefined): string {
  if (text === undefined) throw new MissingParameter('The request must contain the parameter ipProtocol');
  const named = PROTOCOL_NAMES.get(text.toLowerCase());
  if (named) return named;
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return String(Number(text));
  throw new InvalidParameterValue(`Invalid value '${text}' for IP protocol. Unknown protocol.`);
}

// security-group-rules-reference: ports for TCP/UDP, type and code (-1 = all) for ICMP; other protocols cover every port.
function parsePorts(protocol: string, permission: IpPermission): { fromPort?: number; toPort?: number } {
  if (PORT_PROTOCOLS.has(protocol)) {
    const { FromPort: from, ToPort: to } = permission;
    if (from === undefined || to === undefined) throw new InvalidParameterValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
    if (from < 0 || to > MAX_PORT || from > to) throw new InvalidParameterValue(`Invalid value '${from}-${to}' for portRange.`);
    return { fromPort: from, toPort: to };
  }
  if (protocol === 'icmp') {
    const type = permission.FromPort ?? -1;
    const code = permission.ToPort ?? -1;
    if ([type, code].some((value) => value < -1 || value > MAX_ICMP)) throw new InvalidParameterValue(`Invalid value '${type}/${code}' for ICMP type and code.`);
    return { fromPort: type, toPort: code };
  }
  return {};
}

function cidrPeer(text: string | undefined): RulePeer {
  if (text === undefined || !parseCidr(text)) throw new InvalidParameterValue(`CIDR block ${text ?? ''} is malformed`);
  return { kind: 'cidr', cidr: text };
}

/** What makes two rules the same rule: direction, protocol, ports and peer, never the description. */
export function ruleKey(rule: RuleSpec): string {
  const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : rule.peer.groupId;
  return [rule.direction, rule.protocol, rule.fromPort ?? '', rule.toPort ?? '', peer].join('|');
}

/** AWS's words for a rule in InvalidPermission.Duplicate: `peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW`. */
export function describeRule(rule: RuleSpec): string {
  const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : rule.peer.groupId;
  const protocol = rule.protocol === ALL_PROTOCOLS ? 'ALL' : rule.protocol.toUpperCase();
  const ports = PORT_PROTOCOLS.has(rule.protocol)
    ? `, from port: ${rule.fromPort}, to port: ${rule.toPort}`
    : rule.protocol === 'icmp' ? `, type: ${rule.fromPort}, code: ${rule.toPort}` : '';
  return `peer: ${peer}, ${protocol}${ports}, ALLOW`;
}

/** Rules grouped back into IpPermissions, one per protocol and port range, in the order they were added. */
export function toIpPermissions(rules: readonly RuleSpec[]): IpPermission[] {
  const byRange = new Map<string, { permission: IpPermission; ranges: IpRange[]; pairs: UserIdGroupPair[] }>();
  for (const rule of rules) {
    const key = [rule.protocol, rule.fromPort ?? '', rule.toPort ?? ''].join('|');
    let entry = byRange.get(key);
    if (!entry) {
      const ranges: IpRange[] = [];
      const pairs: UserIdGroupPair[] = [];
      const ports = rule.fromPort === undefined ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort };
      entry = { permission: { IpProtocol: rule.protocol, ...ports, IpRanges: ranges, Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: pairs }, ranges, pairs };
      byRange.set(key, entry);
    }
    const description = rule.description === undefined ? {} : { Description: rule.description };
    if (rule.peer.kind === 'cidr') entry.ranges.push({ CidrIp: rule.peer.cidr, ...description });
    else entry.pairs.push({ GroupId: rule.peer.groupId, UserId: rule.peer.userId, ...description });
  }
  return [...byRange.values()].map((entry) => entry.permission);
}
