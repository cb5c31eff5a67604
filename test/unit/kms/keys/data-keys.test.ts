// GenerateDataKey and GenerateDataKeyWithoutPlaintext (open question 9: supported for CloudHSM-store keys).

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS GenerateDataKey and GenerateDataKeyWithoutPlaintext', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('makes a data key by KeySpec or NumberOfBytes, whose ciphertext decrypts to its plaintext', async () => {
    for (const create of [awsKmsKey, storeKey]) {
      const { keyId, arn } = await create(kms);
      for (const [request, length] of [
        [{ KeySpec: 'AES_256' }, 32],
        [{ KeySpec: 'AES_128' }, 16],
        [{ NumberOfBytes: 1 }, 1],
        [{ NumberOfBytes: 1024 }, 1024],
      ] as const) {
        const dataKey = await kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, ...request, EncryptionContext: { file: 'a.bin' } });
        expect(dataKey.KeyId).to.equal(arn);
        expect(dataKey.Plaintext.length).to.equal(length);
        const decrypted = await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: { file: 'a.bin' } });
        expect(decrypted.Plaintext.equals(dataKey.Plaintext)).to.equal(true);
      }
    }
  });

  it('draws the data key of a CloudHSM-store key from the HSMs', async () => {
    const { keyId } = await storeKey(kms);
    await kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, KeySpec: 'AES_256' });
    await kms.dataKeys.generateDataKeyWithoutPlaintext(SCOPE, { KeyId: keyId, KeySpec: 'AES_256' });
    expect(kms.crypto.randomCalls).to.equal(2);
  });

  it('returns no plaintext from GenerateDataKeyWithoutPlaintext; Decrypt gives it later', async () => {
    const { keyId, arn } = await storeKey(kms);
    const dataKey = await kms.dataKeys.generateDataKeyWithoutPlaintext(SCOPE, { KeyId: keyId, NumberOfBytes: 64 });
    expect(dataKey).to.have.all.keys('CiphertextBlob', 'KeyId');
    expect(dataKey.KeyId).to.equal(arn);
    expect((await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: dataKey.CiphertextBlob })).Plaintext.length).to.equal(64);
  });

  it('needs exactly one of KeySpec and NumberOfBytes', async () => {
    const { keyId } = await awsKmsKey(kms);
    await expectAwsError(kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId }), 'ValidationException', 'Please specify either number of bytes or key spec.');
    await expectAwsError(kms.dataKeys.generateDataKeyWithoutPlaintext(SCOPE, { KeyId: keyId, KeySpec: 'AES_256', NumberOfBytes: 32 }), 'ValidationException');
  });

  it('honours DryRun and refuses a Recipient', async () => {
    const { keyId } = await awsKmsKey(kms);
    await expectAwsError(kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, KeySpec: 'AES_256', DryRun: true }), 'DryRunOperationException');
    await expectAwsError(kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, KeySpec: 'AES_256', Recipient: {} }), 'UnsupportedOperationException');
  });
});
