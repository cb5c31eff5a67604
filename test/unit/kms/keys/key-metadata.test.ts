// KeyMetadata exactly as aws-behaviour 2.0 describes it, for both origins and as the state changes.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, SCOPE, STORE_ID, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS KeyMetadata', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  const metadataOf = (KeyId: string) => kms.query.describeKey(SCOPE, { KeyId }).KeyMetadata;

  it('of a key in a CloudHSM key store', async () => {
    const { keyId, arn } = await storeKey(kms);
    expect(metadataOf(keyId)).to.deep.equal({
      AWSAccountId: '111122223333',
      KeyId: keyId,
      Arn: arn,
      CreationDate: kms.clock.now(),
      Enabled: true,
      Description: '',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_CLOUDHSM',
      CustomKeyStoreId: STORE_ID,
      CloudHsmClusterId: 'cluster-igklspoyj5v',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
    });
  });

  it('of an AWS_KMS key: no store or cluster, a CurrentKeyMaterialId', async () => {
    const { keyId } = await awsKmsKey(kms);
    const metadata = metadataOf(keyId);
    expect(metadata).to.include({ Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', MultiRegion: false });
    expect(metadata).to.not.have.any.keys('CustomKeyStoreId', 'CloudHsmClusterId', 'DeletionDate', 'ValidTo', 'ExpirationModel');
    expect(metadata.CurrentKeyMaterialId).to.match(/^[0-9a-f]{64}$/);
  });

  it('Enabled only while Enabled; DeletionDate only in PendingDeletion', async () => {
    const { keyId } = await storeKey(kms);
    kms.lifecycle.disableKey(SCOPE, { KeyId: keyId });
    expect(metadataOf(keyId)).to.include({ KeyState: 'Disabled', Enabled: false });
    expect(metadataOf(keyId)).to.not.have.property('DeletionDate');
    const { DeletionDate } = kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
    expect(metadataOf(keyId)).to.deep.include({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate });
    kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
    expect(metadataOf(keyId)).to.include({ KeyState: 'Disabled', Enabled: false });
    expect(metadataOf(keyId)).to.not.have.property('DeletionDate');
  });

  it("names the store's cluster as it is now (a related cluster after UpdateCustomKeyStore)", async () => {
    const { keyId } = await storeKey(kms);
    kms.crypto.setCluster(STORE_ID, 'cluster-jxpl7dh6e3n');
    expect(metadataOf(keyId).CloudHsmClusterId).to.equal('cluster-jxpl7dh6e3n');
  });
});
