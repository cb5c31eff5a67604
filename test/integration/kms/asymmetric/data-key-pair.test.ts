// GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext over the wire (AWS SDK v3): each KeyPairSpec's
// public key (DER SPKI) matches its PKCS #8 private key, the PrivateKeyCiphertextBlob decrypts with Decrypt
// under the symmetric key and its encryption context; AWS's refusals.

import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { CreateKeyCommand, DecryptCommand, GenerateDataKeyPairCommand, GenerateDataKeyPairWithoutPlaintextCommand, type DataKeyPairSpec } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const SPECS: [DataKeyPairSpec, string | undefined][] = [
  ['RSA_2048', undefined],
  ['RSA_3072', undefined],
  ['RSA_4096', undefined],
  ['ECC_NIST_P256', 'prime256v1'],
  ['ECC_NIST_P384', 'secp384r1'],
  ['ECC_NIST_P521', 'secp521r1'],
  ['ECC_SECG_P256K1', 'secp256k1'],
  ['ECC_NIST_EDWARDS25519', undefined],
];
const CONTEXT = { app: 'data-key-pairs' };

describe('GenerateDataKeyPair, over the wire', function () {
  this.timeout(120_000);
  let world: AsymmetricWorld;
  let wrappingKey: string;

  before(async () => {
    world = await AsymmetricWorld.start();
    wrappingKey = (await world.kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  });
  after(async () => {
    await world.stop();
  });

  for (const [spec, curve] of SPECS) {
    it(`${spec}: a matching key pair; the encrypted private key decrypts to the plaintext one`, async () => {
      const pair = await world.kms.send(new GenerateDataKeyPairCommand({ KeyId: wrappingKey, KeyPairSpec: spec, EncryptionContext: CONTEXT }));
      expect(pair.KeyPairSpec).to.equal(spec);
      expect(pair.KeyMaterialId).to.match(/^[0-9a-f]{64}$/);
      const privateKey = createPrivateKey({ key: Buffer.from(pair.PrivateKeyPlaintext!), format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey({ key: Buffer.from(pair.PublicKey!), format: 'der', type: 'spki' });
      if (curve) expect(publicKey.asymmetricKeyDetails!.namedCurve).to.equal(curve);
      const signature = sign(spec.startsWith('ECC_NIST_EDWARDS') ? null : 'sha256', Buffer.from('m'), privateKey);
      expect(verify(spec.startsWith('ECC_NIST_EDWARDS') ? null : 'sha256', Buffer.from('m'), publicKey, signature)).to.equal(true);
      const opened = world.openssl(['pkey', '-pubin', '-inform', 'DER', '-in', world.file('pub.der', Buffer.from(pair.PublicKey!)), '-noout']);
      expect(opened.code, opened.output).to.equal(0);

      const { Plaintext, KeyId } = await world.kms.send(new DecryptCommand({ CiphertextBlob: pair.PrivateKeyCiphertextBlob!, EncryptionContext: CONTEXT }));
      expect(Buffer.from(Plaintext!).equals(Buffer.from(pair.PrivateKeyPlaintext!))).to.equal(true);
      expect(KeyId).to.equal(pair.KeyId);
    });
  }

  it('WithoutPlaintext: no PrivateKeyPlaintext; Decrypt of the blob gives a private key matching PublicKey', async () => {
    const pair = await world.kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: wrappingKey, KeyPairSpec: 'ECC_NIST_P256' }));
    expect((pair as { PrivateKeyPlaintext?: unknown }).PrivateKeyPlaintext).to.equal(undefined);
    const { Plaintext } = await world.kms.send(new DecryptCommand({ CiphertextBlob: pair.PrivateKeyCiphertextBlob! }));
    const derived = createPublicKey(createPrivateKey({ key: Buffer.from(Plaintext!), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
    expect(derived.equals(Buffer.from(pair.PublicKey!))).to.equal(true);
  });

  it('refuses an asymmetric or HMAC wrapping key: InvalidKeyUsageException', async () => {
    for (const [spec, usage] of [['RSA_2048', 'ENCRYPT_DECRYPT'], ['HMAC_256', 'GENERATE_VERIFY_MAC']] as const) {
      const keyId = await world.createKey(spec, usage);
      expect((await failure(world.kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' })))).name).to.equal('InvalidKeyUsageException');
    }
  });

  it('refuses KeyPairSpec SM2 outside the China Regions: UnsupportedOperationException', async () => {
    const refused = await failure(world.kms.send(new GenerateDataKeyPairCommand({ KeyId: wrappingKey, KeyPairSpec: 'SM2' })));
    expect(refused).to.deep.include({ name: 'UnsupportedOperationException', message: 'KeyPairSpec SM2 is not supported in this Region' });
  });
});
