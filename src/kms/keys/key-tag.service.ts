// TagResource, UntagResource and ListResourceTags on KMS keys.

import { inject, injectable } from 'tsyringe';
import { mergeTags } from './domain/key-tags';
import type { KmsScope } from './domain/kms-key';
import { markerPage } from './domain/marker-page';
import { KeyResolver } from './key-resolver';
import type { Empty, ListResourceTagsRequest, ListResourceTagsResponse, TagResourceRequest, UntagResourceRequest } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

/** API_ListResourceTags: Limit defaults to 50. */
const DEFAULT_LIMIT = 50;

@injectable()
export class KeyTagService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
  ) {}

  tagResource(scope: KmsScope, input: TagResourceRequest): Empty {
    this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'TagResource');
      this.repository.saveKey({ ...key, tags: mergeTags(key.tags, input.Tags) });
    });
    return {};
  }

  untagResource(scope: KmsScope, input: UntagResourceRequest): Empty {
    this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'UntagResource');
      this.repository.saveKey({ ...key, tags: key.tags.filter((tag) => !input.TagKeys.includes(tag.TagKey)) });
    });
    return {};
  }

  listResourceTags(scope: KmsScope, input: ListResourceTagsRequest): ListResourceTagsResponse {
    const key = this.keys.require(scope, input.KeyId, 'ListResourceTags');
    const { items, ...page } = markerPage(key.tags, input.Limit ?? DEFAULT_LIMIT, input.Marker);
    return { Tags: items, ...page };
  }
}
