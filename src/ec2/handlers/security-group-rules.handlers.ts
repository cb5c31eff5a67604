// AuthorizeSecurityGroupIngress / Egress and RevokeSecurityGroupIngress / Egress.

import { ec2Arn } from '../domain/ec2-scope';
import { InvalidParameterCombination } from '../domain/ec2.errors';
import type { IpPermission } from '../domain/ip-permissions';
import { RuleDirection, type SecurityGroupRule } from '../domain/security-group';
import type { SecurityGroupService } from '../security-groups.service';
import type { Ec2HandlerMap, RequestScope, RevokedSecurityGroupRuleShape, SecurityGroupRuleShape, SecurityGroupRulesRequest } from './ec2-api.types';
import { referencedGroupId } from './group-reference';

type RuleHandlers = Pick<Ec2HandlerMap, 'AuthorizeSecurityGroupIngress' | 'AuthorizeSecurityGroupEgress' | 'RevokeSecurityGroupIngress' | 'RevokeSecurityGroupEgress'>;

export function securityGroupRuleHandlers(securityGroups: SecurityGroupService): RuleHandlers {
  const authorize = (direction: RuleDirection) => (input: SecurityGroupRulesRequest, context: RequestScope) => {
    const groupId = referencedGroupId(securityGroups, context, input);
    const added = securityGroups.authorize(context.accountId, context.region, groupId, direction, requestedPermissions(input, direction));
    return { Return: true as const, SecurityGroupRules: added.map((rule) => presentRule(context, groupId, rule)) };
  };
  const revoke = (direction: RuleDirection) => (input: SecurityGroupRulesRequest, context: RequestScope) => {
    const groupId = referencedGroupId(securityGroups, context, input);
    const { revoked, unknown } = securityGroups.revoke(context.accountId, context.region, groupId, direction, {
      permissions: requestedPermissions(input, direction),
      ruleIds: input.SecurityGroupRuleIds ?? [],
    });
    return {
      Return: true as const,
      RevokedSecurityGroupRules: revoked.map((rule) => presentRevokedRule(groupId, rule)),
      ...(unknown.length === 0 ? {} : { UnknownIpPermissions: [...unknown] }),
    };
  };
  return {
    AuthorizeSecurityGroupIngress: authorize(RuleDirection.INGRESS),
    AuthorizeSecurityGroupEgress: authorize(RuleDirection.EGRESS),
    RevokeSecurityGroupIngress: revoke(RuleDirection.INGRESS),
    RevokeSecurityGroupEgress: revoke(RuleDirection.EGRESS),
  };
}

/** The rules a request names: its IpPermissions, or the older one-rule parameters (ingress only). */
function requestedPermissions(input: SecurityGroupRulesRequest, direction: RuleDirection): readonly IpPermission[] {
  const { CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroupName } = input;
  if ([CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroupName].every((value) => value === undefined)) return input.IpPermissions ?? [];
  // API_AuthorizeSecurityGroupEgress: CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroupName: "Not supported. Use IP permissions instead."
  if (direction === RuleDirection.EGRESS) throw new InvalidParameterCombination('Outbound rules must be given as IpPermissions');
  if (input.IpPermissions?.length) throw new InvalidParameterCombination('IpPermissions cannot be combined with CidrIp, IpProtocol, FromPort, ToPort or SourceSecurityGroupName');
  if (SourceSecurityGroupName === undefined) return [{ IpProtocol, FromPort, ToPort, IpRanges: CidrIp === undefined ? [] : [{ CidrIp }] }];
  // API_AuthorizeSecurityGroupIngress: SourceSecurityGroupName excludes CidrIp, IpProtocol and ports, and "Creates rules that grant full ICMP, UDP, and TCP access".
  if ([CidrIp, IpProtocol, FromPort, ToPort].some((value) => value !== undefined)) {
    throw new InvalidParameterCombination('SourceSecurityGroupName cannot be combined with CidrIp, IpProtocol, FromPort or ToPort');
  }
  const source = [{ GroupName: SourceSecurityGroupName }];
  return [
    { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, UserIdGroupPairs: source },
    { IpProtocol: 'udp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: source },
    { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: source },
  ];
}

// API_SecurityGroupRule: FromPort and ToPort are -1 when the rule covers every port (all protocols, or all ICMP types).
function presentRule(context: RequestScope, groupId: string, rule: SecurityGroupRule): SecurityGroupRuleShape {
  return {
    SecurityGroupRuleId: rule.id,
    SecurityGroupRuleArn: ec2Arn(context, `security-group-rule/${rule.id}`),
    GroupId: groupId,
    GroupOwnerId: context.accountId,
    IsEgress: rule.direction === RuleDirection.EGRESS,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    ...(rule.peer.kind === 'cidr' ? { CidrIpv4: rule.peer.cidr } : { ReferencedGroupInfo: { GroupId: rule.peer.groupId, UserId: rule.peer.userId } }),
    ...(rule.description === undefined ? {} : { Description: rule.description }),
  };
}

function presentRevokedRule(groupId: string, rule: SecurityGroupRule): RevokedSecurityGroupRuleShape {
  return {
    SecurityGroupRuleId: rule.id,
    GroupId: groupId,
    IsEgress: rule.direction === RuleDirection.EGRESS,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    ...(rule.peer.kind === 'cidr' ? { CidrIpv4: rule.peer.cidr } : { ReferencedGroupId: rule.peer.groupId }),
    ...(rule.description === undefined ? {} : { Description: rule.description }),
  };
}
