// Tags on KMS keys (API_TagResource): at most 50 per key, no aws: prefix on keys.

import { LimitExceededException, TagException } from '../../kms.errors';
import type { KmsTag } from './kms-key';

const MAX_TAGS = 50;
// API_TagResource: "Tag keys cannot begin with aws:" (reserved for AWS).
const RESERVED_PREFIX = 'aws:';

/** The key's tags after adding `added`: a new value for an existing key replaces it. */
export function mergeTags(existing: readonly KmsTag[], added: readonly KmsTag[]): KmsTag[] {
  const reserved = added.find((tag) => tag.TagKey.toLowerCase().startsWith(RESERVED_PREFIX));
  if (reserved) throw new TagException(`Tag key ${reserved.TagKey} begins with ${RESERVED_PREFIX}, which is reserved for AWS.`);
  const merged = new Map(existing.map((tag) => [tag.TagKey, tag.TagValue]));
  for (const tag of added) merged.set(tag.TagKey, tag.TagValue);
  if (merged.size > MAX_TAGS) throw new LimitExceededException(`The key would have ${merged.size} tags; a KMS key can have at most ${MAX_TAGS}.`);
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}
