// ReEncrypt between an AWS_KMS key and a key in a CloudHSM key store, both ways.

import { expect } from 'chai';
import { decodeCiphertext } from '../../../../src/kms/keys/domain/ciphertext-format';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

const PLAINTEXT = Buffer.from('customer ledger');

describe('KMS ReEncrypt', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('moves a ciphertext from an AWS_KMS key to a CloudHSM key and back, changing the encryption context', async () => {
    const kmsKey = await awsKmsKey(kms);
    const hsmKey = await storeKey(kms);
    const first = await kms.cryptography.encrypt(SCOPE, { KeyId: kmsKey.keyId, Plaintext: PLAINTEXT, EncryptionContext: { stage: 'one' } });

    const toHsm = await kms.cryptography.reEncrypt(SCOPE, {
      CiphertextBlob: first.CiphertextBlob,
      SourceEncryptionContext: { stage: 'one' },
      DestinationKeyId: hsmKey.keyId,
      DestinationEncryptionContext: { stage: 'two' },
    });
    expect(toHsm).to.include({ SourceKeyId: kmsKey.arn, KeyId: hsmKey.arn, SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(toHsm.SourceKeyMaterialId).to.match(/^[0-9a-f]{64}$/);
    expect(toHsm).to.not.have.property('DestinationKeyMaterialId');
    expect(toHsm).to.not.have.property('Plaintext');
    expect(decodeCiphertext(toHsm.CiphertextBlob).keyId).to.equal(hsmKey.keyId);

    const back = await kms.cryptography.reEncrypt(SCOPE, {
      CiphertextBlob: toHsm.CiphertextBlob,
      SourceKeyId: hsmKey.arn,
      SourceEncryptionContext: { stage: 'two' },
      DestinationKeyId: kmsKey.arn,
    });
    expect(back).to.include({ SourceKeyId: hsmKey.arn, KeyId: kmsKey.arn });
    const decrypted = await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: back.CiphertextBlob, KeyId: kmsKey.keyId });
    expect(decrypted.Plaintext.equals(PLAINTEXT)).to.equal(true);
  });

  it('fails on the wrong source context, the wrong source key, or a disabled destination', async () => {
    const kmsKey = await awsKmsKey(kms);
    const hsmKey = await storeKey(kms);
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: hsmKey.keyId, Plaintext: PLAINTEXT, EncryptionContext: { a: '1' } });
    await expectAwsError(kms.cryptography.reEncrypt(SCOPE, { CiphertextBlob, DestinationKeyId: kmsKey.keyId }), 'InvalidCiphertextException');
    await expectAwsError(kms.cryptography.reEncrypt(SCOPE, { CiphertextBlob, SourceKeyId: kmsKey.keyId, SourceEncryptionContext: { a: '1' }, DestinationKeyId: kmsKey.keyId }), 'IncorrectKeyException');
    kms.lifecycle.disableKey(SCOPE, { KeyId: kmsKey.keyId });
    await expectAwsError(kms.cryptography.reEncrypt(SCOPE, { CiphertextBlob, SourceEncryptionContext: { a: '1' }, DestinationKeyId: kmsKey.keyId }), 'DisabledException', `${kmsKey.arn} is disabled.`);
    await expectAwsError(kms.cryptography.reEncrypt(SCOPE, { CiphertextBlob, SourceEncryptionContext: { a: '1' }, DestinationKeyId: hsmKey.keyId, DryRun: true }), 'DryRunOperationException');
  });
});
