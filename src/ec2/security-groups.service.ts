// Security groups: create, delete, look up, and change their rules; used by the EC2 handlers and by
// CloudHSM (the cluster group) and KMS (its own group, and the check of the cluster group's rules).

import { inject, injectable } from 'tsyringe';
import type { IdGenerator } from '../shared/ids';
import {
  CannotDelete,
  DependencyViolation,
  groupNotFoundMessage,
  InvalidGroupDuplicate,
  InvalidGroupNotFound,
  InvalidParameterCombination,
  InvalidPermissionNotFound,
  MissingParameter,
} from './domain/ec2.errors';
import type { Ec2Scope } from './domain/ec2-scope';
import { parsePermissions, toIpPermissions, type GroupResolver, type IpPermission } from './domain/ip-permissions';
import {
  DEFAULT_GROUP_NAME,
  defaultEgressRule,
  type RuleDirection,
  type SecurityGroupRecord,
  type SecurityGroupRule,
} from './domain/security-group';
import { directionsMissingTcpPorts, withAddedRules, withoutRuleIds, withoutRules, type RulesRemoved } from './domain/security-group-rules';
import type { VpcRecord } from './domain/vpc';
import { Ec2Repository } from './ec2.repository';
import { Ec2Tokens } from './ec2.tokens';
import { NetworkBootstrap } from './network-bootstrap.service';
import { VpcService } from './vpcs.service';

export interface NewSecurityGroup {
  readonly groupName: string;
  readonly description: string;
  /** The default VPC when absent. */
  readonly vpcId?: string;
}

/** Rules to revoke, either as IpPermissions or by their sgr- ids. */
export interface RevokeRequest {
  readonly permissions?: readonly IpPermission[];
  readonly ruleIds?: readonly string[];
}

export interface RulesRevoked {
  readonly revoked: readonly SecurityGroupRule[];
  /** Asked-for rules the group did not have (only in a default VPC; elsewhere they fail the call). */
  readonly unknown: readonly IpPermission[];
}

export interface TcpPortsCheck {
  readonly allowed: boolean;
  /** The directions with no rule opening every port of the range to and from the group itself. */
  readonly missing: readonly RuleDirection[];
}

@injectable()
export class SecurityGroupService {
  constructor(
    @inject(Ec2Repository) private readonly repository: Ec2Repository,
    @inject(NetworkBootstrap) private readonly bootstrap: NetworkBootstrap,
    @inject(VpcService) private readonly vpcs: VpcService,
    @inject(Ec2Tokens.IdGenerator) private readonly ids: IdGenerator,
  ) {}

  createSecurityGroup(accountId: string, region: string, request: NewSecurityGroup): SecurityGroupRecord {
    return this.repository.transaction(() => {
      const vpc = this.vpcOrDefault(accountId, region, request.vpcId);
      if (this.groupsOf(vpc).some((group) => group.name === request.groupName)) {
        throw new InvalidGroupDuplicate(`The security group '${request.groupName}' already exists for VPC '${vpc.id}'`);
      }
      const group: SecurityGroupRecord = {
        id: this.ids.ec2('sg'),
        accountId,
        region,
        vpcId: vpc.id,
        name: request.groupName,
        description: request.description,
        rules: [{ ...defaultEgressRule(), id: this.ids.ec2('sgr') }],
      };
      this.repository.securityGroups.put(group);
      return group;
    });
  }

  deleteSecurityGroup(accountId: string, region: string, groupId: string): void {
    this.repository.transaction(() => {
      const group = this.getSecurityGroup(accountId, region, groupId);
      // default-security-group: "You can't delete a default security group."
      if (group.name === DEFAULT_GROUP_NAME) throw new CannotDelete(`the specified group: "${group.id}" name: "${group.name}" cannot be deleted by a user`);
      // API_DeleteSecurityGroup: a group in use by an interface or referenced by another group's rule fails with DependencyViolation.
      const scope: Ec2Scope = { accountId, region };
      const usedByInterface = this.repository.networkInterfaces.list(scope).some((eni) => eni.securityGroupIds.includes(group.id));
      const referenced = this.repository.securityGroups
        .list(scope)
        .some((other) => other.id !== group.id && other.rules.some((rule) => rule.peer.kind === 'group' && rule.peer.groupId === group.id));
      if (usedByInterface || referenced) throw new DependencyViolation(`resource ${group.id} has a dependent object`);
      this.repository.securityGroups.delete(group);
    });
  }

  getSecurityGroup(accountId: string, region: string, groupId: string): SecurityGroupRecord {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    const group = this.repository.securityGroups.get({ accountId, region }, groupId);
    if (!group) throw new InvalidGroupNotFound(groupNotFoundMessage(groupId));
    return group;
  }

  /** A group by name within a VPC (the default VPC when absent), as GroupName parameters mean. */
  findSecurityGroupByName(accountId: string, region: string, groupName: string, vpcId?: string): SecurityGroupRecord {
    const vpc = this.vpcOrDefault(accountId, region, vpcId);
    const group = this.groupsOf(vpc).find((candidate) => candidate.name === groupName);
    if (!group) throw new InvalidGroupNotFound(`${groupNotFoundMessage(groupName)} in ${vpc.isDefault ? 'default ' : ''}VPC '${vpc.id}'`);
    return group;
  }

  listSecurityGroups(accountId: string, region: string, vpcId?: string): SecurityGroupRecord[] {
    this.bootstrap.ensureDefaultNetwork(accountId, region);
    return this.repository.securityGroups.list({ accountId, region }).filter((group) => vpcId === undefined || group.vpcId === vpcId);
  }

  authorize(accountId: string, region: string, groupId: string, direction: RuleDirection, permissions: readonly IpPermission[]): readonly SecurityGroupRule[] {
    return this.repository.transaction(() => {
      const group = this.getSecurityGroup(accountId, region, groupId);
      const specs = parsePermissions(direction, permissions, this.groupResolver(group));
      const { group: changed, added } = withAddedRules(group, specs, () => this.ids.ec2('sgr'));
      this.repository.securityGroups.put(changed);
      return added;
    });
  }

  revoke(accountId: string, region: string, groupId: string, direction: RuleDirection, request: RevokeRequest): RulesRevoked {
    return this.repository.transaction(() => {
      const group = this.getSecurityGroup(accountId, region, groupId);
      const result = this.removal(group, direction, request);
      if (result.unknown.length > 0 && !this.vpcs.getVpc(accountId, region, group.vpcId).isDefault) {
        // API_RevokeSecurityGroupIngress: in a non-default VPC an unmatched rule fails the call with InvalidPermission.NotFound and revokes nothing.
        throw new InvalidPermissionNotFound('The specified rule does not exist in this security group.');
      }
      // API_RevokeSecurityGroupIngress: in a default VPC unmatched rules are no error; the output lists them.
      this.repository.securityGroups.put(result.group);
      return { revoked: result.revoked, unknown: toIpPermissions(result.unknown) };
    });
  }

  /** Whether the group opens TCP `fromPort`-`toPort` inbound from and outbound to itself, and which direction lacks it. */
  allowsTcpPortsWithin(accountId: string, region: string, groupId: string, fromPort: number, toPort: number): TcpPortsCheck {
    const missing = directionsMissingTcpPorts(this.getSecurityGroup(accountId, region, groupId), fromPort, toPort);
    return { allowed: missing.length === 0, missing };
  }

  private removal(group: SecurityGroupRecord, direction: RuleDirection, request: RevokeRequest): RulesRemoved {
    const { permissions, ruleIds } = request;
    if (permissions?.length && ruleIds?.length) {
      throw new InvalidParameterCombination('Rules may be given as IpPermissions or as SecurityGroupRuleIds, not both');
    }
    if (ruleIds?.length) return withoutRuleIds(group, direction, ruleIds);
    return withoutRules(group, parsePermissions(direction, permissions ?? [], this.groupResolver(group)));
  }

  private groupResolver(group: SecurityGroupRecord): GroupResolver {
    return (pair) => {
      const { accountId, region } = group;
      if (pair.GroupId !== undefined) return { groupId: this.getSecurityGroup(accountId, region, pair.GroupId).id, userId: accountId };
      if (pair.GroupName !== undefined) return { groupId: this.findSecurityGroupByName(accountId, region, pair.GroupName, group.vpcId).id, userId: accountId };
      throw new MissingParameter('The request must contain the parameter groupId or groupName in each UserIdGroupPair');
    };
  }

  private vpcOrDefault(accountId: string, region: string, vpcId: string | undefined): VpcRecord {
    return vpcId === undefined ? this.bootstrap.ensureDefaultNetwork(accountId, region) : this.vpcs.getVpc(accountId, region, vpcId);
  }

  private groupsOf(vpc: VpcRecord): SecurityGroupRecord[] {
    return this.repository.securityGroups.list(vpc).filter((group) => group.vpcId === vpc.id);
  }
}
