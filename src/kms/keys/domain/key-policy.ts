// Key policies (aws-behaviour 2.16). SIM: stored and returned, never enforced.

import { LimitExceededException, MalformedPolicyDocumentException } from '../../kms.errors';
import { accountRootArn } from './key-reference';
import type { KmsScope } from './kms-key';

/** API_GetKeyPolicy: "The only valid name is default." */
export const DEFAULT_POLICY_NAME = 'default';
/** aws-behaviour 8.1: key policy size 32 KB. */
const MAX_POLICY_BYTES = 32 * 1024;

/** The default key policy CreateKey gives when Policy is omitted, laid out as KMS returns it. */
export function defaultKeyPolicy(scope: KmsScope): string {
  return [
    '{',
    '  "Version" : "2012-10-17",',
    '  "Id" : "key-default-1",',
    '  "Statement" : [ {',
    '    "Sid" : "Enable IAM User Permissions",',
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "${accountRootArn(scope)}"`,
    '    },',
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    '  } ]',
    '}',
  ].join('\n');
}

export function checkKeyPolicy(policy: string): void {
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) {
    throw new LimitExceededException(`The key policy is ${Buffer.byteLength(policy, 'utf8')} bytes; a key policy can have at most ${MAX_POLICY_BYTES}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new MalformedPolicyDocumentException('The key policy is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !('Statement' in parsed)) {
    throw new MalformedPolicyDocumentException('The key policy must be a JSON object with a Statement.');
  }
}
