// Encrypt, Decrypt and ReEncrypt with RSA ENCRYPT_DECRYPT keys over the wire (AWS SDK v3): RSAES-OAEP with
// SHA-1 and SHA-256, ciphertexts made outside KMS with the GetPublicKey key decrypt in KMS, the plaintext
// limits AWS documents, ReEncrypt between symmetric and asymmetric keys, and symmetric-only operations
// refusing asymmetric and HMAC keys.

import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GetPublicKeyCommand,
  ReEncryptCommand,
  type EncryptionAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const LIMITS: [string, EncryptionAlgorithmSpec, number][] = [
  ['RSA_2048', 'RSAES_OAEP_SHA_1', 214],
  ['RSA_2048', 'RSAES_OAEP_SHA_256', 190],
  ['RSA_3072', 'RSAES_OAEP_SHA_1', 342],
  ['RSA_3072', 'RSAES_OAEP_SHA_256', 318],
  ['RSA_4096', 'RSAES_OAEP_SHA_1', 470],
  ['RSA_4096', 'RSAES_OAEP_SHA_256', 446],
];

describe('RSA encryption keys: Encrypt, Decrypt and ReEncrypt, over the wire', function () {
  this.timeout(120_000);
  let world: AsymmetricWorld;
  const keys = new Map<string, string>();
  const rsaKey = async (spec: 'RSA_2048' | 'RSA_3072' | 'RSA_4096'): Promise<string> => {
    if (!keys.has(spec)) keys.set(spec, await world.createKey(spec, 'ENCRYPT_DECRYPT'));
    return keys.get(spec)!;
  };

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const [spec, algorithm, limit] of LIMITS) {
    it(`${spec} ${algorithm}: ${limit} bytes encrypt and decrypt, ${limit + 1} are refused`, async () => {
      const keyId = await rsaKey(spec as 'RSA_2048');
      const plaintext = Buffer.alloc(limit, 7);
      const encrypted = await world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionAlgorithm: algorithm }));
      expect(encrypted.EncryptionAlgorithm).to.equal(algorithm);
      expect(encrypted.CiphertextBlob!.length).to.equal(Number(spec.slice(4)) / 8);
      const decrypted = await world.kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: encrypted.CiphertextBlob!, EncryptionAlgorithm: algorithm }));
      expect(Buffer.from(decrypted.Plaintext!).equals(plaintext)).to.equal(true);
      expect(decrypted.EncryptionAlgorithm).to.equal(algorithm);
      const tooLong = await failure(world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.alloc(limit + 1, 7), EncryptionAlgorithm: algorithm })));
      expect(tooLong).to.deep.include({ name: 'ValidationException', status: 400 });
    });
  }

  for (const [algorithm, oaepHash] of [['RSAES_OAEP_SHA_1', 'sha1'], ['RSAES_OAEP_SHA_256', 'sha256']] as const) {
    it(`decrypts a ${algorithm} ciphertext made outside KMS with node:crypto and the GetPublicKey key`, async () => {
      const keyId = await rsaKey('RSA_3072');
      const { PublicKey } = await world.kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
      const publicKey = createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
      const ciphertext = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, Buffer.from('sealed outside KMS'));
      const { Plaintext } = await world.kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext, EncryptionAlgorithm: algorithm }));
      expect(Buffer.from(Plaintext!).toString()).to.equal('sealed outside KMS');
    });
  }

  it('decrypts an openssl pkeyutl RSA-OAEP-SHA256 ciphertext', async () => {
    const keyId = await rsaKey('RSA_2048');
    const { pemFile } = await world.publicKeyPem(keyId);
    const out = world.file('ct.bin', '');
    const encrypted = world.openssl(['pkeyutl', '-encrypt', '-pubin', '-inkey', pemFile, '-in', world.file('pt.txt', 'from openssl'), '-out', out, '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256']);
    expect(encrypted.code, encrypted.output).to.equal(0);
    const { readFileSync } = await import('node:fs');
    const { Plaintext } = await world.kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: readFileSync(out), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(Plaintext!).toString()).to.equal('from openssl');
  });

  it('Encrypt without EncryptionAlgorithm (SYMMETRIC_DEFAULT) is InvalidKeyUsageException; Decrypt with the wrong algorithm is InvalidCiphertextException', async () => {
    const keyId = await rsaKey('RSA_2048');
    const noAlgorithm = await failure(world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })));
    expect(noAlgorithm).to.deep.include({ name: 'InvalidKeyUsageException', message: 'Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.' });
    const { CiphertextBlob } = await world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    const wrong = await failure(world.kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: CiphertextBlob!, EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })));
    expect(wrong).to.deep.include({ name: 'InvalidCiphertextException', status: 400 });
    const missing = await failure(world.kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: CiphertextBlob! })));
    expect(missing.name).to.equal('InvalidKeyUsageException');
  });

  it('Decrypt of an RSA ciphertext without KeyId is InvalidCiphertextException (it names no key)', async () => {
    const keyId = await rsaKey('RSA_2048');
    let blob: Uint8Array;
    // The simulator's symmetric blobs begin with 0x01; any other first byte is not one of them.
    do blob = (await world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))).CiphertextBlob!;
    while (blob[0] === 0x01);
    expect(await failure(world.kms.send(new DecryptCommand({ CiphertextBlob: blob })))).to.deep.include({ name: 'InvalidCiphertextException', status: 400 });
  });

  it('refuses an encryption context with an asymmetric key: ValidationException', async () => {
    const keyId = await rsaKey('RSA_2048');
    const refused = await failure(world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1', EncryptionContext: { a: 'b' } })));
    expect(refused.name).to.equal('ValidationException');
  });

  it('a symmetric key refuses RSAES_OAEP_SHA_256: InvalidKeyUsageException', async () => {
    const keyId = (await world.kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    const refused = await failure(world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })));
    expect(refused.name).to.equal('InvalidKeyUsageException');
  });

  it('Encrypt with a SIGN_VERIFY, HMAC or KEY_AGREEMENT key is InvalidKeyUsageException "<arn> key usage is ... which is not valid for Encrypt."', async () => {
    for (const [spec, usage] of [['RSA_2048', 'SIGN_VERIFY'], ['HMAC_256', 'GENERATE_VERIFY_MAC'], ['ECC_NIST_P256', 'KEY_AGREEMENT']] as const) {
      const keyId = await world.createKey(spec, usage);
      const refused = await failure(world.kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })));
      expect(refused.name).to.equal('InvalidKeyUsageException');
      expect(refused.message).to.match(new RegExp(`key/${keyId} key usage is ${usage} which is not valid for Encrypt\\.$`));
    }
  });

  it('GenerateDataKey(WithoutPlaintext) refuses asymmetric and HMAC keys: InvalidKeyUsageException', async () => {
    const rsa = await rsaKey('RSA_2048');
    const hmac = await world.createKey('HMAC_256', 'GENERATE_VERIFY_MAC');
    for (const keyId of [rsa, hmac]) {
      expect((await failure(world.kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' })))).name).to.equal('InvalidKeyUsageException');
      expect((await failure(world.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' })))).name).to.equal('InvalidKeyUsageException');
    }
  });

  it('ReEncrypt from an RSA key to a symmetric key, from there to another RSA key, and back', async () => {
    const rsa = await rsaKey('RSA_2048');
    const other = await rsaKey('RSA_4096');
    const symmetric = (await world.kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    const { CiphertextBlob } = await world.kms.send(new EncryptCommand({ KeyId: rsa, Plaintext: Buffer.from('moves between keys'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' }));

    const toSymmetric = await world.kms.send(new ReEncryptCommand({ CiphertextBlob: CiphertextBlob!, SourceKeyId: rsa, SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationKeyId: symmetric.KeyId!, DestinationEncryptionContext: { purpose: 'test' } }));
    expect(toSymmetric).to.deep.include({ SourceEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', KeyId: symmetric.Arn });
    const viaSymmetric = await world.kms.send(new DecryptCommand({ CiphertextBlob: toSymmetric.CiphertextBlob!, EncryptionContext: { purpose: 'test' } }));
    expect(Buffer.from(viaSymmetric.Plaintext!).toString()).to.equal('moves between keys');

    const toRsa = await world.kms.send(new ReEncryptCommand({ CiphertextBlob: toSymmetric.CiphertextBlob!, SourceEncryptionContext: { purpose: 'test' }, DestinationKeyId: other, DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(toRsa).to.deep.include({ SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', DestinationEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' });
    const viaRsa = await world.kms.send(new DecryptCommand({ KeyId: other, CiphertextBlob: toRsa.CiphertextBlob!, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    expect(Buffer.from(viaRsa.Plaintext!).toString()).to.equal('moves between keys');

    const toHmac = await failure(world.kms.send(new ReEncryptCommand({ CiphertextBlob: toSymmetric.CiphertextBlob!, SourceEncryptionContext: { purpose: 'test' }, DestinationKeyId: await world.createKey('HMAC_256', 'GENERATE_VERIFY_MAC') })));
    expect(toHmac.name).to.equal('InvalidKeyUsageException');
  });
});
