// Encrypt and Decrypt round trips under keys of both origins: with and without KeyId, by alias, with an
// encryption context; and the request rules (algorithm, DryRun, Recipient).

import { expect } from 'chai';
import { decodeCiphertext } from '../../../../src/kms/keys/domain/ciphertext-format';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

const PLAINTEXT = Buffer.from('the launch codes');

describe('KMS Encrypt and Decrypt', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  for (const [origin, create] of [
    ['AWS_KMS', awsKmsKey],
    ['AWS_CLOUDHSM', storeKey],
  ] as const) {
    describe(`under an ${origin} key`, () => {
      it('round-trips with the key id, the key ARN, an alias name, an alias ARN, or no KeyId', async () => {
        const { keyId, arn } = await create(kms);
        kms.aliases.createAlias(SCOPE, { AliasName: 'alias/launch', TargetKeyId: keyId });
        const aliasArn = 'arn:aws:kms:us-east-2:111122223333:alias/launch';
        for (const KeyId of [keyId, arn, 'alias/launch', aliasArn]) {
          const encrypted = await kms.cryptography.encrypt(SCOPE, { KeyId, Plaintext: PLAINTEXT });
          expect(encrypted).to.include({ KeyId: arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
          for (const decryptKeyId of [undefined, KeyId]) {
            const decrypted = await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: encrypted.CiphertextBlob, ...(decryptKeyId ? { KeyId: decryptKeyId } : {}) });
            expect(decrypted.Plaintext.equals(PLAINTEXT)).to.equal(true);
            expect(decrypted).to.include({ KeyId: arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
          }
        }
      });

      it('binds the encryption context, whatever the order of its pairs', async () => {
        const { keyId } = await create(kms);
        const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, EncryptionContext: { tenant: 'acme', purpose: 'backup' } });
        const decrypted = await kms.cryptography.decrypt(SCOPE, { CiphertextBlob, EncryptionContext: { purpose: 'backup', tenant: 'acme' } });
        expect(decrypted.Plaintext.equals(PLAINTEXT)).to.equal(true);
      });

      it('names its key in the ciphertext and never repeats a ciphertext', async () => {
        const { keyId } = await create(kms);
        const first = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
        const second = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
        expect(decodeCiphertext(first.CiphertextBlob).keyId).to.equal(keyId);
        expect(first.CiphertextBlob.equals(second.CiphertextBlob)).to.equal(false);
        expect(first.CiphertextBlob.includes(PLAINTEXT)).to.equal(false);
      });
    });
  }

  it('answers KeyMaterialId for AWS_KMS keys only', async () => {
    const kmsKey = await awsKmsKey(kms);
    const hsmKey = await storeKey(kms);
    const { CurrentKeyMaterialId } = kms.query.describeKey(SCOPE, { KeyId: kmsKey.keyId }).KeyMetadata;
    const fromKms = await kms.cryptography.encrypt(SCOPE, { KeyId: kmsKey.keyId, Plaintext: PLAINTEXT });
    const fromHsm = await kms.cryptography.encrypt(SCOPE, { KeyId: hsmKey.keyId, Plaintext: PLAINTEXT });
    expect((await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: fromKms.CiphertextBlob })).KeyMaterialId).to.equal(CurrentKeyMaterialId);
    expect(await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: fromHsm.CiphertextBlob })).to.not.have.property('KeyMaterialId');
  });

  it('refuses an asymmetric EncryptionAlgorithm for a symmetric key', async () => {
    const { keyId, arn } = await storeKey(kms);
    await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }), 'InvalidKeyUsageException', new RegExp(`^${arn} is a symmetric`));
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob, EncryptionAlgorithm: 'SM2PKE' }), 'InvalidKeyUsageException');
  });

  it('answers DryRunOperationException when the call would succeed, and nothing else happens', async () => {
    const { keyId } = await storeKey(kms);
    await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, DryRun: true }), 'DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.');
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
    await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob, DryRun: true }), 'DryRunOperationException');
    await expectAwsError(kms.cryptography.decrypt(SCOPE, { KeyId: keyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT'] }), 'DryRunOperationException');
    kms.lifecycle.disableKey(SCOPE, { KeyId: keyId });
    await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT, DryRun: true }), 'DisabledException');
  });

  it('needs a CiphertextBlob, and refuses a Recipient (Nitro Enclaves are not simulated)', async () => {
    await expectAwsError(kms.cryptography.decrypt(SCOPE, {}), 'ValidationException', "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy constraint: Member must not be null");
    const { keyId } = await awsKmsKey(kms);
    const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
    await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob, Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' } }), 'UnsupportedOperationException', /Recipient/);
  });
});
