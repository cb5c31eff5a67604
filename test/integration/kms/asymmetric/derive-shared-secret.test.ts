// DeriveSharedSecret over the wire (AWS SDK v3): ECDH between a KEY_AGREEMENT key and the caller's public key
// equals node:crypto's ECDH from the other side; AWS's refusals.

import { diffieHellman, generateKeyPairSync, createPublicKey } from 'node:crypto';
import { DeriveSharedSecretCommand, GetPublicKeyCommand, type KeySpec } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const CURVES: [KeySpec, string][] = [
  ['ECC_NIST_P256', 'prime256v1'],
  ['ECC_NIST_P384', 'secp384r1'],
  ['ECC_NIST_P521', 'secp521r1'],
];

describe('DeriveSharedSecret, over the wire', function () {
  this.timeout(60_000);
  let world: AsymmetricWorld;

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const [spec, curve] of CURVES) {
    it(`${spec}: the shared secret equals node:crypto's ECDH with the KMS public key`, async () => {
      const keyId = await world.createKey(spec, 'KEY_AGREEMENT');
      const mine = generateKeyPairSync('ec', { namedCurve: curve });
      const response = await world.kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: mine.publicKey.export({ format: 'der', type: 'spki' }) }));
      expect(response).to.deep.include({ KeyAgreementAlgorithm: 'ECDH', KeyOrigin: 'AWS_KMS' });
      const { PublicKey } = await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      const expected = diffieHellman({ privateKey: mine.privateKey, publicKey: createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }) });
      expect(Buffer.from(response.SharedSecret!).equals(expected)).to.equal(true);
    });
  }

  it('refuses a public key on another curve, or bytes that are not a SubjectPublicKeyInfo: ValidationException', async () => {
    const keyId = await world.createKey('ECC_NIST_P256', 'KEY_AGREEMENT');
    const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ format: 'der', type: 'spki' });
    expect((await failure(world.kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: other })))).name).to.equal('ValidationException');
    expect((await failure(world.kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: Buffer.from('not a key') })))).name).to.equal('ValidationException');
  });

  it('refuses a SIGN_VERIFY key: InvalidKeyUsageException "<arn> key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret."', async () => {
    const keyId = await world.createKey('ECC_NIST_P256', 'SIGN_VERIFY');
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' });
    const refused = await failure(world.kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer })));
    expect(refused.name).to.equal('InvalidKeyUsageException');
    expect(refused.message).to.match(/key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret\.$/);
  });
});
