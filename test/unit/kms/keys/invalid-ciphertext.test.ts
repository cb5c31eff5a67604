// Decrypt of what is not a good ciphertext for the request: garbage, a changed byte, another encryption
// context, another key named in KeyId, a key that is gone or lives elsewhere.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

const PLAINTEXT = Buffer.from('quarterly numbers');

describe('KMS Decrypt of a bad ciphertext', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('InvalidCiphertextException for bytes this service never made', async () => {
    for (const garbage of [Buffer.from([1]), Buffer.alloc(64, 7), Buffer.from('AQICAHhx...not a KMS blob at all, just text', 'utf8')]) {
      await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob: garbage }), 'InvalidCiphertextException');
    }
  });

  // Bytes outside the key id (a changed key id names no key): format version 2 (AWS_KMS) names the key in
  // bytes 2-17 and its material in 18-49, version 1 (AWS_CLOUDHSM) the key in bytes 1-16.
  for (const [origin, create, offsets] of [
    ['AWS_KMS', awsKmsKey, [0, 18, 49, 50, 61, 62]],
    ['AWS_CLOUDHSM', storeKey, [0, 17, 28, 29]],
  ] as const) {
    it(`InvalidCiphertextException for any changed byte of an ${origin} ciphertext`, async () => {
      const { keyId } = await create(kms);
      const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
      for (const offset of [...offsets, CiphertextBlob.length - 1]) {
        const tampered = Buffer.from(CiphertextBlob);
        tampered[offset] = tampered[offset]! ^ 0x01;
        await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob: tampered }), 'InvalidCiphertextException');
      }
    });

    it(`InvalidCiphertextException for another encryption context under an ${origin} key`, async () => {
      const { keyId } = await create(kms);
      const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, EncryptionContext: { tenant: 'acme' } });
      const contexts: (Record<string, string> | undefined)[] = [undefined, {}, { tenant: 'other' }, { tenant: 'acme', extra: 'x' }];
      for (const EncryptionContext of contexts) {
        await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob, ...(EncryptionContext ? { EncryptionContext } : {}) }), 'InvalidCiphertextException');
      }
    });
  }

  it('IncorrectKeyException when KeyId names another key than the ciphertext', async () => {
    const mine = await storeKey(kms);
    const other = await awsKmsKey(kms);
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: mine.keyId, Plaintext: PLAINTEXT });
    await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob, KeyId: other.arn }), 'IncorrectKeyException', 'The key ID in the request does not identify a KMS key that can perform this operation.');
  });

  it('NotFoundException when KeyId names no key', async () => {
    const { keyId } = await awsKmsKey(kms);
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
    await expectAwsError(
      kms.cryptography.decrypt(SCOPE, { CiphertextBlob, KeyId: '00000000-0000-4000-8000-000000000000' }),
      'NotFoundException',
      "Key 'arn:aws:kms:us-east-2:111122223333:key/00000000-0000-4000-8000-000000000000' does not exist",
    );
  });

  it('AccessDeniedException for a ciphertext whose key is in another Region', async () => {
    const elsewhere = { ...SCOPE, region: 'eu-west-1' };
    const { keyId } = await awsKmsKey(kms, elsewhere);
    const { CiphertextBlob } = await kms.cryptography.encrypt(elsewhere, { KeyId: keyId, Plaintext: PLAINTEXT });
    const error = await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob }), 'AccessDeniedException', /does not exist in this region/);
    expect(error.message).to.not.contain(PLAINTEXT.toString());
  });
});
