// The KMS keys an event names in `resources` (ct-createkey, ct-encrypt: `{"accountId", "type":
// "AWS::KMS::Key", "ARN"}`): the key ARNs the response gives, or else the key ids and ARNs of the request.
// SIM: an alias in the request of a failed call names no resource (AWS resolves it when it can);
// CloudHSM events name no resources.

import { type CloudTrailResource, KMS_KEY_RESOURCE_TYPE } from './cloudtrail-event';

const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MULTI_REGION_KEY_ID = /^mrk-[0-9a-f]{32}$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/.+$/;
/** The members of KMS requests and responses that name keys. */
const KEY_MEMBERS = ['KeyId', 'SourceKeyId', 'DestinationKeyId', 'TargetKeyId'];

function keyArn(value: unknown, accountId: string, region: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (KEY_ARN.test(value)) return value;
  if (KEY_ID.test(value) || MULTI_REGION_KEY_ID.test(value)) return `arn:aws:kms:${region}:${accountId}:key/${value}`;
  return undefined;
}

function arnsIn(value: unknown, accountId: string, region: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const found = KEY_MEMBERS.map((member) => keyArn(record[member], accountId, region));
  const metadata = record['KeyMetadata'] as Record<string, unknown> | undefined;
  if (metadata) found.push(keyArn(metadata['Arn'], accountId, region));
  return found.filter((arn): arn is string => arn !== undefined);
}

export function keyResources(eventSource: string, input: unknown, output: unknown, accountId: string, region: string): CloudTrailResource[] {
  if (eventSource !== 'kms.amazonaws.com') return [];
  // One resource per key: the response's ARN first (it is resolved), then the request's.
  const byKeyId = new Map<string, string>();
  for (const arn of [...arnsIn(output, accountId, region), ...arnsIn(input, accountId, region)]) {
    const keyId = arn.slice(arn.lastIndexOf('/') + 1);
    if (!byKeyId.has(keyId)) byKeyId.set(keyId, arn);
  }
  return [...byKeyId.values()].map((ARN) => ({ accountId: ARN.split(':')[4] ?? accountId, type: KMS_KEY_RESOURCE_TYPE, ARN }));
}
