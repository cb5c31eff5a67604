// CreateKey: AWS_KMS keys, keys in a CloudHSM key store (backing key generated before CreateKey returns),
// and every request the store or the simulator refuses.

import { expect } from 'chai';
import { awsException } from '../../../../src/shared/aws-exception';
import { createKmsKeys, expectAwsError, SCOPE, STORE_ID, type KmsKeys } from './kms-keys-fixture';

/** What the custom key store service throws when the cluster has no free PKCS #11 session (2.9). */
const KMSInternalException = awsException('KMSInternalException', 'server');

describe('KMS CreateKey', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('creates an AWS_KMS key with sealed material of its own', async () => {
    const { KeyMetadata } = await kms.creation.createKey(SCOPE, { Description: 'payroll' });
    expect(KeyMetadata).to.include({ Origin: 'AWS_KMS', KeyState: 'Enabled', Enabled: true, Description: 'payroll' });
    expect(KeyMetadata.KeyId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(KeyMetadata.Arn).to.equal(`arn:aws:kms:us-east-2:111122223333:key/${KeyMetadata.KeyId}`);
    const sealed = kms.repository.getMaterial(KeyMetadata.KeyId);
    expect(sealed).to.be.instanceOf(Buffer);
    expect(sealed!.length).to.equal(12 + 32 + 16);
    expect(kms.crypto.backingKeys.size).to.equal(0);
  });

  it('creates a key in a CONNECTED CloudHSM key store, with a backing key labelled with its ARN', async () => {
    const { KeyMetadata } = await kms.creation.createKey(SCOPE, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID });
    expect(KeyMetadata).to.include({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, CloudHsmClusterId: 'cluster-igklspoyj5v', KeyState: 'Enabled' });
    const [handle, backing] = [...kms.crypto.backingKeys][0]!;
    expect(backing).to.include({ customKeyStoreId: STORE_ID, label: KeyMetadata.Arn });
    expect(kms.repository.getKey(KeyMetadata.KeyId)!.backing).to.deep.equal({
      origin: 'AWS_CLOUDHSM',
      customKeyStoreId: STORE_ID,
      cloudHsmClusterId: 'cluster-igklspoyj5v',
      handle,
      holders: 2,
    });
    expect(kms.repository.getMaterial(KeyMetadata.KeyId)).to.equal(undefined);
  });

  it('refuses a store that does not exist in the caller\'s account and Region', async () => {
    await expectAwsError(kms.creation.createKey(SCOPE, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-00000000000000000' }), 'CustomKeyStoreNotFoundException', /cks-00000000000000000/);
    await expectAwsError(kms.creation.createKey({ ...SCOPE, region: 'eu-west-1' }, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID }), 'CustomKeyStoreNotFoundException');
  });

  for (const state of ['DISCONNECTED', 'CONNECTING', 'FAILED', 'DISCONNECTING']) {
    it(`refuses a store that is ${state}, and makes no backing key`, async () => {
      kms.crypto.setConnectionState(STORE_ID, state);
      await expectAwsError(kms.creation.createKey(SCOPE, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID }), 'CustomKeyStoreInvalidStateException', new RegExp(`is ${state}; CreateKey needs it CONNECTED`));
      expect(kms.crypto.backingKeys.size).to.equal(0);
      expect(kms.repository.allKeys()).to.deep.equal([]);
    });
  }

  it('keeps no key when the cluster cannot make its backing key', async () => {
    kms.crypto.failure = new KMSInternalException('no free PKCS #11 session');
    await expectAwsError(kms.creation.createKey(SCOPE, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID }), 'KMSInternalException');
    expect(kms.repository.allKeys()).to.deep.equal([]);
  });

  const unsupported: [string, Parameters<KmsKeys['creation']['createKey']>[1], RegExp][] = [
    ['an RSA key in a CloudHSM key store', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, KeySpec: 'RSA_2048' }, /holds only SYMMETRIC_DEFAULT keys/],
    ['a signing key in a CloudHSM key store', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, KeyUsage: 'SIGN_VERIFY' }, /needs KeyUsage ENCRYPT_DECRYPT/],
    ['a multi-Region key in a CloudHSM key store', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, MultiRegion: true }, /no multi-Region keys/],
    ['Origin AWS_CLOUDHSM without a store', { Origin: 'AWS_CLOUDHSM' }, /needs the CustomKeyStoreId/],
    ['a store without Origin AWS_CLOUDHSM', { CustomKeyStoreId: STORE_ID }, /needs Origin AWS_CLOUDHSM, not AWS_KMS/],
    ['imported key material in a CloudHSM key store', { Origin: 'EXTERNAL', CustomKeyStoreId: STORE_ID }, /needs Origin AWS_CLOUDHSM, not EXTERNAL/],
    ['imported RSA key material (symmetric only here)', { Origin: 'EXTERNAL', KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, /imports SYMMETRIC_DEFAULT key material only/],
    ['an external key store key (not simulated)', { Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId: STORE_ID, XksKeyId: 'key-1' }, /EXTERNAL_KEY_STORE \(an external key store\) is not simulated/],
  ];
  for (const [what, request, message] of unsupported) {
    it(`refuses ${what} with UnsupportedOperationException`, async () => {
      await expectAwsError(kms.creation.createKey(SCOPE, request), 'UnsupportedOperationException', message);
      expect(kms.crypto.backingKeys.size).to.equal(0);
    });
  }

  it('refuses an AWS_KMS RSA or HMAC key without KeyUsage with ValidationException (asymmetric keys: test/integration/kms/asymmetric)', async () => {
    await expectAwsError(kms.creation.createKey(SCOPE, { KeySpec: 'RSA_2048' }), 'ValidationException', /must specify a KeyUsage/);
    await expectAwsError(kms.creation.createKey(SCOPE, { CustomerMasterKeySpec: 'HMAC_256' }), 'ValidationException', /must specify a KeyUsage/);
    expect(kms.repository.allKeys()).to.deep.equal([]);
  });

  it('refuses KeySpec together with the deprecated CustomerMasterKeySpec', async () => {
    await expectAwsError(kms.creation.createKey(SCOPE, { KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' }), 'ValidationException', /not both/);
  });

  it('checks the key policy and tags before anything is made in the cluster', async () => {
    const inStore = { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID } as const;
    await expectAwsError(kms.creation.createKey(SCOPE, { ...inStore, Policy: 'not json' }), 'MalformedPolicyDocumentException');
    await expectAwsError(kms.creation.createKey(SCOPE, { ...inStore, Policy: '{"Version":"2012-10-17"}' }), 'MalformedPolicyDocumentException', /Statement/);
    await expectAwsError(kms.creation.createKey(SCOPE, { ...inStore, Policy: JSON.stringify({ Statement: [], Pad: 'x'.repeat(33_000) }) }), 'LimitExceededException', /at most 32768/);
    await expectAwsError(kms.creation.createKey(SCOPE, { ...inStore, Tags: [{ TagKey: 'aws:owner', TagValue: 'me' }] }), 'TagException', /aws:owner/);
    expect(kms.crypto.backingKeys.size).to.equal(0);
  });

  it('keeps the given policy and tags', async () => {
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    const { KeyMetadata } = await kms.creation.createKey(SCOPE, { Policy, Tags: [{ TagKey: 'team', TagValue: 'payments' }] });
    expect(kms.policies.getKeyPolicy(SCOPE, { KeyId: KeyMetadata.KeyId }).Policy).to.equal(Policy);
    expect(kms.tags.listResourceTags(SCOPE, { KeyId: KeyMetadata.KeyId }).Tags).to.deep.equal([{ TagKey: 'team', TagValue: 'payments' }]);
  });
});
