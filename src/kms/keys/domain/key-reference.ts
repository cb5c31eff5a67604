// The four ways a request names a KMS key (aws-behaviour 2.0 KeyId): key id, key ARN, alias name, alias
// ARN; and the ARNs of keys and aliases.

import { InvalidArnException, NotFoundException } from '../../kms.errors';
import type { KmsScope } from './kms-key';

export type KeyReference = { readonly kind: 'key'; readonly keyId: string } | { readonly kind: 'alias'; readonly aliasName: string };

// API_KeyMetadata: multi-Region key ids begin with mrk- followed by 32 hex digits.
const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/i;
const KMS_ARN = /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;
export const ALIAS_PREFIX = 'alias/';

function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function keyArn(scope: KmsScope, keyId: string): string {
  return `arn:${partition(scope.region)}:kms:${scope.region}:${scope.accountId}:key/${keyId}`;
}

/** `aliasName` includes `alias/`. */
export function aliasArn(scope: KmsScope, aliasName: string): string {
  return `arn:${partition(scope.region)}:kms:${scope.region}:${scope.accountId}:${aliasName}`;
}

/** The IAM root principal of the account, as the default key policy names it. */
export function accountRootArn(scope: KmsScope): string {
  return `arn:${partition(scope.region)}:iam::${scope.accountId}:root`;
}

export function keyNotFound(keyArnText: string): InstanceType<typeof NotFoundException> {
  return new NotFoundException(`Key '${keyArnText}' does not exist`);
}

export function aliasNotFound(aliasArnText: string): InstanceType<typeof NotFoundException> {
  return new NotFoundException(`Alias ${aliasArnText} is not found.`);
}

/**
 * What `value` names, in the caller's account and Region. SIM (2.16): key policies are not enforced, so
 * no key is shared across accounts or Regions: an ARN of another account or Region is NotFoundException.
 */
export function parseKeyReference(scope: KmsScope, value: string): KeyReference {
  if (KEY_ID.test(value)) return { kind: 'key', keyId: value.toLowerCase() };
  if (value.startsWith(ALIAS_PREFIX)) return { kind: 'alias', aliasName: value };
  if (!value.startsWith('arn:')) throw new NotFoundException(`Invalid keyId ${value}`);
  const match = KMS_ARN.exec(value);
  if (!match) throw new InvalidArnException(`${value} is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>) or alias ARN (...:alias/<name>).`);
  const rest = match[5]!;
  const elsewhere = match[2] !== scope.region || match[3] !== scope.accountId;
  if (match[4] === 'alias') {
    if (elsewhere) throw aliasNotFound(value);
    return { kind: 'alias', aliasName: `${ALIAS_PREFIX}${rest}` };
  }
  if (elsewhere) throw keyNotFound(value);
  if (!KEY_ID.test(rest)) throw new NotFoundException(`Invalid keyId ${value}`);
  return { kind: 'key', keyId: rest.toLowerCase() };
}
