// The EC2 error codes this simulator raises; each class's name is the code EC2 puts in <Code>
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).

import { awsException } from '../../shared/aws-exception';

export const InvalidVpcIdNotFound = awsException('InvalidVpcID.NotFound');
export const InvalidSubnetIdNotFound = awsException('InvalidSubnetID.NotFound');
export const InvalidGroupNotFound = awsException('InvalidGroup.NotFound');
export const InvalidNetworkInterfaceIdNotFound = awsException('InvalidNetworkInterfaceID.NotFound');
export const InvalidSecurityGroupRuleIdNotFound = awsException('InvalidSecurityGroupRuleId.NotFound');
export const InvalidSubnetRange = awsException('InvalidSubnet.Range');
export const InvalidSubnetConflict = awsException('InvalidSubnet.Conflict');
export const InvalidGroupDuplicate = awsException('InvalidGroup.Duplicate');
export const InvalidPermissionDuplicate = awsException('InvalidPermission.Duplicate');
export const InvalidPermissionNotFound = awsException('InvalidPermission.NotFound');
export const InvalidIpAddressInUse = awsException('InvalidIPAddress.InUse');
export const InsufficientFreeAddressesInSubnet = awsException('InsufficientFreeAddressesInSubnet');
export const DependencyViolation = awsException('DependencyViolation');
export const CannotDelete = awsException('CannotDelete');
export const InvalidParameterValue = awsException('InvalidParameterValue');
export const InvalidParameter = awsException('InvalidParameter');
export const InvalidParameterCombination = awsException('InvalidParameterCombination');
export const MissingParameter = awsException('MissingParameter');
export const InvalidPaginationToken = awsException('InvalidPaginationToken');
// EC2 answers DryRunOperation with HTTP 412 Precondition Failed.
export const DryRunOperation = awsException('DryRunOperation', 'client', 412);

/** AWS's wording for unknown ids: "The subnet ID 'subnet-1' does not exist", "The subnet IDs 'a, b' do not exist". */
export function idsNotFoundMessage(noun: 'subnet' | 'vpc' | 'networkInterface', ids: readonly string[]): string {
  return ids.length === 1 ? `The ${noun} ID '${ids[0]}' does not exist` : `The ${noun} IDs '${ids.join(', ')}' do not exist`;
}

export function groupNotFoundMessage(group: string): string {
  return `The security group '${group}' does not exist`;
}
