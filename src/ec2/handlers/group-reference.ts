// Operations name their security group by GroupId, or by GroupName within the default VPC.

import { MissingParameter } from '../domain/ec2.errors';
import type { SecurityGroupService } from '../security-groups.service';
import type { RequestScope } from './ec2-api.types';

// API_DeleteSecurityGroup: GroupName is "[Default VPC] The name of the security group"; either it or GroupId is required.
export function referencedGroupId(
  securityGroups: SecurityGroupService,
  context: RequestScope,
  input: { readonly GroupId?: string; readonly GroupName?: string },
): string {
  if (input.GroupId !== undefined) return input.GroupId;
  if (input.GroupName !== undefined) return securityGroups.findSecurityGroupByName(context.accountId, context.region, input.GroupName).id;
  throw new MissingParameter('The request must contain the parameter groupName or groupId');
}
