// Changing a group's rules, and asking whether they open a TCP port range to the group itself.

import { InvalidPermissionDuplicate, InvalidSecurityGroupRuleIdNotFound } from './ec2.errors';
import { describeRule, ruleKey } from './ip-permissions';
import { ALL_PROTOCOLS, RuleDirection, type RuleSpec, type SecurityGroupRecord, type SecurityGroupRule } from './security-group';

export interface RulesAdded {
  readonly group: SecurityGroupRecord;
  readonly added: readonly SecurityGroupRule[];
}

export interface RulesRemoved {
  readonly group: SecurityGroupRecord;
  readonly revoked: readonly SecurityGroupRule[];
  /** Asked-for rules the group does not have. */
  readonly unknown: readonly RuleSpec[];
}

export function withAddedRules(group: SecurityGroupRecord, specs: readonly RuleSpec[], newRuleId: () => string): RulesAdded {
  const present = new Set(group.rules.map(ruleKey));
  const added: SecurityGroupRule[] = [];
  for (const spec of specs) {
    // API_AuthorizeSecurityGroupIngress: authorizing a rule that already exists fails with InvalidPermission.Duplicate.
    if (present.has(ruleKey(spec))) throw new InvalidPermissionDuplicate(`the specified rule "${describeRule(spec)}" already exists`);
    present.add(ruleKey(spec));
    added.push({ ...spec, id: newRuleId() });
  }
  return { group: { ...group, rules: [...group.rules, ...added] }, added };
}

export function withoutRules(group: SecurityGroupRecord, specs: readonly RuleSpec[]): RulesRemoved {
  const asked = new Set(specs.map(ruleKey));
  const revoked = group.rules.filter((rule) => asked.has(ruleKey(rule)));
  const found = new Set(revoked.map(ruleKey));
  return {
    group: { ...group, rules: group.rules.filter((rule) => !found.has(ruleKey(rule))) },
    revoked,
    unknown: specs.filter((spec) => !found.has(ruleKey(spec))),
  };
}

export function withoutRuleIds(group: SecurityGroupRecord, direction: RuleDirection, ruleIds: readonly string[]): RulesRemoved {
  const missing = ruleIds.find((id) => !group.rules.some((rule) => rule.id === id && rule.direction === direction));
  if (missing !== undefined) throw new InvalidSecurityGroupRuleIdNotFound(`The security group rule ID '${missing}' does not exist`);
  const asked = new Set(ruleIds);
  return {
    group: { ...group, rules: group.rules.filter((rule) => !asked.has(rule.id)) },
    revoked: group.rules.filter((rule) => asked.has(rule.id)),
    unknown: [],
  };
}

// create-keystore (aws-behaviour 5, 6.9): the cluster group needs inbound and outbound TCP 2223-2225 with itself as source and destination.
/** The directions in which some port of `fromPort`-`toPort` is not open over TCP to and from the group itself. */
export function directionsMissingTcpPorts(group: SecurityGroupRecord, fromPort: number, toPort: number): RuleDirection[] {
  return Object.values(RuleDirection).filter((direction) => {
    const opening = group.rules.filter((rule) => rule.direction === direction && rule.peer.kind === 'group' && rule.peer.groupId === group.id);
    const opens = (port: number) =>
      opening.some((rule) => rule.protocol === ALL_PROTOCOLS || (rule.protocol === 'tcp' && rule.fromPort! <= port && port <= rule.toPort!));
    for (let port = fromPort; port <= toPort; port += 1) if (!opens(port)) return true;
    return false;
  });
}
