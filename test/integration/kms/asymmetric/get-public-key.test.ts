// GetPublicKey over the wire with the AWS SDK v3: a DER SubjectPublicKeyInfo openssl reads, with the key's
// spec, usage and algorithms; refused for symmetric and HMAC keys; the public key survives a restart.

import { createPublicKey } from 'node:crypto';
import { CreateKeyCommand, GetPublicKeyCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

describe('GetPublicKey, over the wire', function () {
  this.timeout(60_000);
  let world: AsymmetricWorld;

  beforeEach(async () => {
    world = await AsymmetricWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  const CASES = [
    ['RSA_2048', 'ENCRYPT_DECRYPT', 'Public-Key: (2048 bit)', { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }],
    ['RSA_3072', 'SIGN_VERIFY', 'Public-Key: (3072 bit)', { SigningAlgorithms: ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'] }],
    ['ECC_NIST_P256', 'SIGN_VERIFY', 'NIST CURVE: P-256', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
    ['ECC_NIST_P384', 'KEY_AGREEMENT', 'NIST CURVE: P-384', { KeyAgreementAlgorithms: ['ECDH'] }],
    ['ECC_NIST_P521', 'SIGN_VERIFY', 'NIST CURVE: P-521', { SigningAlgorithms: ['ECDSA_SHA_512'] }],
    ['ECC_SECG_P256K1', 'SIGN_VERIFY', 'ASN1 OID: secp256k1', { SigningAlgorithms: ['ECDSA_SHA_256'] }],
    ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', 'ED25519 Public-Key', { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] }],
  ] as const;

  for (const [spec, usage, opensslText, algorithms] of CASES) {
    it(`${spec} ${usage}: openssl reads the DER SubjectPublicKeyInfo; the response names spec, usage and algorithms`, async () => {
      const keyId = await world.createKey(spec, usage);
      const response = await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      expect(response).to.deep.include({ KeySpec: spec, KeyUsage: usage, ...algorithms });
      expect(response.KeyId).to.match(new RegExp(`:key/${keyId}$`));
      expect(response.CustomerMasterKeySpec).to.equal(spec === 'ECC_NIST_EDWARDS25519' ? undefined : spec);
      const der = Buffer.from(response.PublicKey!);
      const opened = world.openssl(['pkey', '-pubin', '-inform', 'DER', '-in', world.file('pub.der', der), '-noout', '-text']);
      expect(opened.code, opened.output).to.equal(0);
      expect(opened.output).to.contain(opensslText);
      expect(createPublicKey({ key: der, format: 'der', type: 'spki' }).type).to.equal('public');
    });
  }

  it('ML_DSA_65: a SubjectPublicKeyInfo with the id-ml-dsa-65 OID (2.16.840.1.101.3.4.3.18) and the 1952-byte key', async () => {
    const keyId = await world.createKey('ML_DSA_65', 'SIGN_VERIFY');
    const { PublicKey, SigningAlgorithms, CustomerMasterKeySpec } = await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(SigningAlgorithms).to.deep.equal(['ML_DSA_SHAKE_256']);
    expect(CustomerMasterKeySpec).to.equal(undefined);
    const parsed = world.openssl(['asn1parse', '-inform', 'DER', '-in', world.file('pub.der', Buffer.from(PublicKey!))]);
    expect(parsed.output).to.contain('2.16.840.1.101.3.4.3.18');
    expect(PublicKey!.length).to.equal(1952 + 22);
  });

  it('refuses a symmetric encryption key or an HMAC key: UnsupportedOperationException "<arn> is not an asymmetric key."', async () => {
    const symmetric = (await world.kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    const refused = await failure(world.kms.send(new GetPublicKeyCommand({ KeyId: symmetric.KeyId! })));
    expect(refused).to.deep.include({ name: 'UnsupportedOperationException', status: 400, message: `${symmetric.Arn!} is not an asymmetric key.` });
    const hmac = await world.createKey('HMAC_384', 'GENERATE_VERIFY_MAC');
    expect((await failure(world.kms.send(new GetPublicKeyCommand({ KeyId: hmac })))).name).to.equal('UnsupportedOperationException');
  });

  it('keeps the key pair across a restart: the same public key, and it still signs', async () => {
    const keyId = await world.createKey('ECC_NIST_P256', 'SIGN_VERIFY');
    const before = Buffer.from((await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!);
    const { Signature } = await world.kms.send(new SignCommand({ KeyId: keyId, Message: Buffer.from('before'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    await world.restart();
    const after = Buffer.from((await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!);
    expect(after.equals(before)).to.equal(true);
    const verified = await world.kms.send(new VerifyCommand({ KeyId: keyId, Message: Buffer.from('before'), Signature: Signature!, SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(verified.SignatureValid).to.equal(true);
  });
});
