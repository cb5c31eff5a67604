// ListKeys: every key of the caller's account and Region, in pages (Limit 1-1000, default 100).

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS ListKeys', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('pages through the keys of both origins with Limit and Marker', async () => {
    const created = [await awsKmsKey(kms), await storeKey(kms), await awsKmsKey(kms), await storeKey(kms), await awsKmsKey(kms)];
    await awsKmsKey(kms, { ...SCOPE, region: 'eu-west-1' });
    const seen: { KeyId: string; KeyArn: string }[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = kms.query.listKeys(SCOPE, { Limit: 2, ...(marker ? { Marker: marker } : {}) });
      seen.push(...page.Keys);
      expect(page.Truncated).to.equal(page.NextMarker !== undefined);
      marker = page.NextMarker;
      pages += 1;
    } while (marker);
    expect(pages).to.equal(3);
    expect(seen).to.deep.equal(created.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })));
  });

  it('answers 100 keys a page by default', async () => {
    for (let count = 0; count < 101; count += 1) await awsKmsKey(kms);
    const page = kms.query.listKeys(SCOPE, {});
    expect(page.Keys).to.have.length(100);
    expect(page).to.include({ Truncated: true, NextMarker: '100' });
    expect(kms.query.listKeys(SCOPE, { Marker: '100' }).Keys).to.have.length(1);
  });

  it('answers an empty list for an account with no keys', () => {
    expect(kms.query.listKeys({ accountId: '444455556666', region: 'us-east-2' }, {})).to.deep.equal({ Keys: [], Truncated: false });
  });

  it('refuses a marker it did not give (InvalidMarkerException)', async () => {
    await awsKmsKey(kms);
    for (const Marker of ['abc', '-1', '7', '1.5', '01']) {
      await expectAwsError(() => kms.query.listKeys(SCOPE, { Marker }), 'InvalidMarkerException');
    }
  });
});
