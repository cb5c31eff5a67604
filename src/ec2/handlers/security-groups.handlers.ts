// DescribeSecurityGroups, CreateSecurityGroup, DeleteSecurityGroup.

import { ec2Arn } from '../domain/ec2-scope';
import { groupNotFoundMessage, InvalidGroupNotFound } from '../domain/ec2.errors';
import { toIpPermissions, type IpPermission } from '../domain/ip-permissions';
import { RuleDirection, type SecurityGroupRecord } from '../domain/security-group';
import type { SecurityGroupService } from '../security-groups.service';
import { nextTokenOf, paginate } from './describe';
import type { DescribeSecurityGroupsRequest, Ec2HandlerMap, RequestScope, SecurityGroupShape } from './ec2-api.types';
import { applyFilters, type FilterTable } from './filters';
import { referencedGroupId } from './group-reference';

// API_DescribeSecurityGroups: ip-permission.* filters look at inbound rules, egress.ip-permission.* at outbound ones.
function permissionFilters(prefix: string, permissionsOf: (group: SecurityGroupShape) => readonly IpPermission[]): FilterTable<SecurityGroupShape> {
  return {
    [`${prefix}.protocol`]: (group) => permissionsOf(group).map((permission) => permission.IpProtocol),
    [`${prefix}.from-port`]: (group) => permissionsOf(group).map((permission) => permission.FromPort),
    [`${prefix}.to-port`]: (group) => permissionsOf(group).map((permission) => permission.ToPort),
    [`${prefix}.cidr`]: (group) => permissionsOf(group).flatMap((permission) => (permission.IpRanges ?? []).map((range) => range.CidrIp)),
    [`${prefix}.group-id`]: (group) => permissionsOf(group).flatMap((permission) => (permission.UserIdGroupPairs ?? []).map((pair) => pair.GroupId)),
    [`${prefix}.user-id`]: (group) => permissionsOf(group).flatMap((permission) => (permission.UserIdGroupPairs ?? []).map((pair) => pair.UserId)),
  };
}

const GROUP_FILTERS: FilterTable<SecurityGroupShape> = {
  'group-id': (group) => [group.GroupId],
  'group-name': (group) => [group.GroupName],
  description: (group) => [group.Description],
  'vpc-id': (group) => [group.VpcId],
  'owner-id': (group) => [group.OwnerId],
  ...permissionFilters('ip-permission', (group) => group.IpPermissions),
  ...permissionFilters('egress.ip-permission', (group) => group.IpPermissionsEgress),
};

export function securityGroupHandlers(
  securityGroups: SecurityGroupService,
): Pick<Ec2HandlerMap, 'DescribeSecurityGroups' | 'CreateSecurityGroup' | 'DeleteSecurityGroup'> {
  return {
    DescribeSecurityGroups: (input, context) => {
      const all = securityGroups.listSecurityGroups(context.accountId, context.region);
      const chosen = chooseGroups(securityGroups, context, all, input);
      const page = paginate(applyFilters(chosen.map(presentGroup), input.Filters, GROUP_FILTERS), input.MaxResults, input.NextToken);
      return { SecurityGroups: page.items, ...nextTokenOf(page) };
    },

    // SIM: TagSpecifications are accepted and not kept.
    CreateSecurityGroup: (input, context) => {
      const group = securityGroups.createSecurityGroup(context.accountId, context.region, {
        groupName: input.GroupName,
        description: input.Description,
        ...(input.VpcId === undefined ? {} : { vpcId: input.VpcId }),
      });
      return { GroupId: group.id, SecurityGroupArn: ec2Arn(group, `security-group/${group.id}`) };
    },

    DeleteSecurityGroup: (input, context) => {
      const groupId = referencedGroupId(securityGroups, context, input);
      securityGroups.deleteSecurityGroup(context.accountId, context.region, groupId);
      return { Return: true, GroupId: groupId };
    },
  };
}

// API_DescribeSecurityGroups: GroupNames name groups of the default VPC; with GroupIds as well, groups of either list are returned.
function chooseGroups(
  securityGroups: SecurityGroupService,
  context: RequestScope,
  all: readonly SecurityGroupRecord[],
  input: DescribeSecurityGroupsRequest,
): readonly SecurityGroupRecord[] {
  const ids = input.GroupIds ?? [];
  const names = input.GroupNames ?? [];
  if (ids.length === 0 && names.length === 0) return all;
  const missing = ids.find((id) => !all.some((group) => group.id === id));
  if (missing !== undefined) throw new InvalidGroupNotFound(groupNotFoundMessage(missing));
  const wanted = new Set([...ids, ...names.map((name) => securityGroups.findSecurityGroupByName(context.accountId, context.region, name).id)]);
  return all.filter((group) => wanted.has(group.id));
}

function presentGroup(group: SecurityGroupRecord): SecurityGroupShape {
  return {
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: group.accountId,
    SecurityGroupArn: ec2Arn(group, `security-group/${group.id}`),
    IpPermissions: toIpPermissions(group.rules.filter((rule) => rule.direction === RuleDirection.INGRESS)),
    IpPermissionsEgress: toIpPermissions(group.rules.filter((rule) => rule.direction === RuleDirection.EGRESS)),
  };
}
