// The four forms of KeyId (aws-behaviour 2.0), and keys of another account or Region (2.16: not shared).

import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, type KmsKeys } from './kms-keys-fixture';

describe('KMS KeyId forms', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  const describeKey = (KeyId: string) => () => kms.query.describeKey(SCOPE, { KeyId });

  it('NotFoundException for an unknown key id, and for a value that is no KeyId form', async () => {
    await expectAwsError(describeKey('0b7f8f0e-1111-4a2b-9c3d-444455556666'), 'NotFoundException', "Key 'arn:aws:kms:us-east-2:111122223333:key/0b7f8f0e-1111-4a2b-9c3d-444455556666' does not exist");
    await expectAwsError(describeKey('not-a-key'), 'NotFoundException', 'Invalid keyId not-a-key');
    await expectAwsError(describeKey('arn:aws:kms:us-east-2:111122223333:key/not-a-uuid'), 'NotFoundException', /Invalid keyId/);
  });

  it('InvalidArnException for an ARN that is not a KMS key or alias ARN', async () => {
    await expectAwsError(describeKey('arn:aws:s3:::my-bucket'), 'InvalidArnException');
    await expectAwsError(describeKey('arn:aws:kms:us-east-2:111122223333:grant/abc'), 'InvalidArnException');
  });

  it('NotFoundException for the ARN of a key in another account or Region (SIM: no cross-account use)', async () => {
    const elsewhere = await awsKmsKey(kms, { ...SCOPE, region: 'eu-west-1' });
    await expectAwsError(describeKey(elsewhere.arn), 'NotFoundException', `Key '${elsewhere.arn}' does not exist`);
    await expectAwsError(describeKey(elsewhere.keyId), 'NotFoundException');
    const mine = await awsKmsKey(kms);
    await expectAwsError(describeKey(mine.arn.replace('111122223333', '444455556666')), 'NotFoundException');
    await expectAwsError(describeKey('arn:aws:kms:eu-west-1:111122223333:alias/app'), 'NotFoundException', 'Alias arn:aws:kms:eu-west-1:111122223333:alias/app is not found.');
  });
});
