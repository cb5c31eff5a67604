// A security group: named rules per VPC, each rule one protocol, port range and peer in one direction.

export const RuleDirection = { INGRESS: 'ingress', EGRESS: 'egress' } as const;
export type RuleDirection = (typeof RuleDirection)[keyof typeof RuleDirection];

/** IpProtocol after normalisation: '-1' (all), 'tcp', 'udp', 'icmp', or another protocol number. */
export const ALL_PROTOCOLS = '-1';

export type RulePeer =
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'group'; readonly groupId: string; readonly userId: string };

/** A rule as asked for; it gets its sgr- id when it is added to a group. */
export type RuleSpec = {
  readonly direction: RuleDirection;
  readonly protocol: string;
  /** Only for tcp/udp (ports) and icmp (type and code). */
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly peer: RulePeer;
  readonly description?: string;
};

export type SecurityGroupRule = RuleSpec & { readonly id: string };

export type SecurityGroupRecord = {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  readonly name: string;
  readonly description: string;
  readonly rules: readonly SecurityGroupRule[];
};

export const DEFAULT_GROUP_NAME = 'default';
export const DEFAULT_GROUP_DESCRIPTION = 'default VPC security group';

const ANYWHERE: RulePeer = { kind: 'cidr', cidr: '0.0.0.0/0' };

// default-custom-security-groups: a new group has no inbound rules and one outbound rule allowing all traffic.
export function defaultEgressRule(): RuleSpec {
  return { direction: RuleDirection.EGRESS, protocol: ALL_PROTOCOLS, peer: ANYWHERE };
}

// default-security-group: the default group allows inbound traffic from itself and all outbound traffic.
export function defaultGroupRules(group: { readonly id: string; readonly accountId: string }): RuleSpec[] {
  const itself: RulePeer = { kind: 'group', groupId: group.id, userId: group.accountId };
  return [{ direction: RuleDirection.INGRESS, protocol: ALL_PROTOCOLS, peer: itself }, defaultEgressRule()];
}
