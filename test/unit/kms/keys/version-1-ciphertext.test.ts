// Ciphertexts made before the format named material versions (format version 1) still decrypt, after any
// number of rotations, with the key's first material; Decrypt reports that material's id.

import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { gcmSeal } from '../../../../src/kms/keys/aes-256-gcm';
import { AesGcmKeyMaterialVault } from '../../../../src/kms/keys/aes-gcm-key-material.vault';
import { ciphertextAad, decodeCiphertext, encodeCiphertext } from '../../../../src/kms/keys/domain/ciphertext-format';
import { awsKmsKey, createKmsKeys, SCOPE, type KmsKeys } from './kms-keys-fixture';

type Handler = (input: object, scope: typeof SCOPE) => unknown;

describe('KMS version 1 ciphertexts after rotation', () => {
  const masterKey = randomBytes(32);
  let kms: KmsKeys;
  beforeEach(() => (kms = createKmsKeys({ masterKey })));
  afterEach(() => kms.database.close());

  it('decrypts a version 1 blob made before two rotations, naming the original KeyMaterialId', async () => {
    const { keyId } = await awsKmsKey(kms);
    const { KeyMetadata } = kms.query.describeKey(SCOPE, { KeyId: keyId });
    const original = KeyMetadata.CurrentKeyMaterialId!;
    // As the simulator sealed blobs before format version 2.
    const material = new AesGcmKeyMaterialVault(masterKey).open(kms.repository.getMaterial(keyId)!);
    const context = { app: 'legacy' };
    const sealed = gcmSeal(material, Buffer.from('from last year'), ciphertextAad(keyId, context));
    const blob = encodeCiphertext({ keyId, ...sealed });
    expect(blob[0]).to.equal(1);

    const rotate = kms.handlers.RotateKeyOnDemand as unknown as Handler;
    rotate({ KeyId: keyId }, SCOPE);
    rotate({ KeyId: keyId }, SCOPE);
    const { Plaintext, KeyMaterialId } = await kms.cryptography.decrypt(SCOPE, { CiphertextBlob: blob, EncryptionContext: context });
    expect(Plaintext.toString()).to.equal('from last year');
    expect(KeyMaterialId).to.equal(original);

    const fresh = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('now') });
    const parts = decodeCiphertext(fresh.CiphertextBlob);
    expect(parts.keyMaterialId).to.equal(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.CurrentKeyMaterialId);
    expect(parts.keyMaterialId).to.not.equal(original);
  });
});
