// TagResource, UntagResource and ListResourceTags on KMS keys.

import { expect } from 'chai';
import { createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS key tags', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('adds, replaces, removes and lists tags', async () => {
    const { keyId, arn } = await storeKey(kms);
    kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'team', TagValue: 'payments' }, { TagKey: 'env', TagValue: 'test' }] });
    kms.tags.tagResource(SCOPE, { KeyId: arn, Tags: [{ TagKey: 'env', TagValue: 'prod' }] });
    expect(kms.tags.listResourceTags(SCOPE, { KeyId: keyId })).to.deep.equal({
      Tags: [
        { TagKey: 'team', TagValue: 'payments' },
        { TagKey: 'env', TagValue: 'prod' },
      ],
      Truncated: false,
    });
    kms.tags.untagResource(SCOPE, { KeyId: keyId, TagKeys: ['team', 'absent'] });
    expect(kms.tags.listResourceTags(SCOPE, { KeyId: keyId }).Tags).to.deep.equal([{ TagKey: 'env', TagValue: 'prod' }]);
  });

  it('pages the tags', async () => {
    const { keyId } = await storeKey(kms);
    kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: ['a', 'b', 'c'].map((TagKey) => ({ TagKey, TagValue: '' })) });
    const first = kms.tags.listResourceTags(SCOPE, { KeyId: keyId, Limit: 2 });
    expect(first).to.deep.include({ Truncated: true, NextMarker: '2' });
    expect(kms.tags.listResourceTags(SCOPE, { KeyId: keyId, Marker: first.NextMarker! }).Tags).to.deep.equal([{ TagKey: 'c', TagValue: '' }]);
  });

  it('refuses the aws: prefix (TagException) and more than 50 tags (LimitExceededException)', async () => {
    const { keyId } = await storeKey(kms);
    await expectAwsError(() => kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'AWS:cost', TagValue: 'x' }] }), 'TagException', /reserved for AWS/);
    const fifty = Array.from({ length: 50 }, (_, index) => ({ TagKey: `k${index}`, TagValue: 'v' }));
    kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: fifty });
    await expectAwsError(() => kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'one-more', TagValue: 'v' }] }), 'LimitExceededException', /at most 50/);
    kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'k0', TagValue: 'replaced' }] });
  });
});
