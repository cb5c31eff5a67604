// Sign and Verify over the wire with the AWS SDK v3, for every SigningAlgorithm of every SIGN_VERIFY key spec,
// MessageType RAW and DIGEST; each signature checked outside KMS by openssl and node:crypto (by @noble for
// ML-DSA and Ed25519ph, which OpenSSL 3.0 lacks), then by Verify; AWS's refusals.

import { constants, createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { CreateAliasCommand, DisableKeyCommand, SignCommand, VerifyCommand, type KeySpec, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { ed25519ph } from '@noble/curves/ed25519.js';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const HASH: Record<string, 'sha256' | 'sha384' | 'sha512'> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const RSA_ALGORITHMS = ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'] as const;
const CASES: [KeySpec, SigningAlgorithmSpec][] = [
  ...(['RSA_2048', 'RSA_3072', 'RSA_4096'] as const).flatMap((spec) => RSA_ALGORITHMS.map((algorithm): [KeySpec, SigningAlgorithmSpec] => [spec, algorithm])),
  ['ECC_NIST_P256', 'ECDSA_SHA_256'],
  ['ECC_NIST_P384', 'ECDSA_SHA_384'],
  ['ECC_NIST_P521', 'ECDSA_SHA_512'],
  ['ECC_SECG_P256K1', 'ECDSA_SHA_256'],
];
const MESSAGE = Buffer.from('the message KMS signs, as bytes');

function hashOf(algorithm: string): 'sha256' | 'sha384' | 'sha512' {
  return HASH[algorithm.slice(-3)]!;
}

describe('Sign and Verify, over the wire', function () {
  this.timeout(120_000);
  let world: AsymmetricWorld;
  const keys = new Map<string, string>();
  const keyFor = async (spec: KeySpec): Promise<string> => {
    if (!keys.has(spec)) keys.set(spec, await world.createKey(spec, 'SIGN_VERIFY'));
    return keys.get(spec)!;
  };

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const [spec, algorithm] of CASES) {
    for (const messageType of ['RAW', 'DIGEST'] as const) {
      it(`${spec} ${algorithm} ${messageType}: openssl, node:crypto and Verify accept the signature`, async () => {
        const keyId = await keyFor(spec);
        const hash = hashOf(algorithm);
        const digest = createHash(hash).update(MESSAGE).digest();
        const { Signature, SigningAlgorithm, KeyId } = await world.kms.send(new SignCommand({ KeyId: keyId, Message: messageType === 'RAW' ? MESSAGE : digest, MessageType: messageType, SigningAlgorithm: algorithm }));
        expect(SigningAlgorithm).to.equal(algorithm);
        expect(KeyId).to.match(/^arn:aws:kms:us-east-2:\d{12}:key\//);
        const signature = Buffer.from(Signature!);
        const { der, pemFile } = await world.publicKeyPem(keyId);
        const pss = algorithm.startsWith('RSASSA_PSS');

        const publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
        const padding = pss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : {};
        expect(nodeVerify(hash, MESSAGE, { key: publicKey, ...padding }, signature), 'node:crypto').to.equal(true);

        const pssOptions = pss ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-1'] : [];
        const dgst = world.openssl(['dgst', `-${hash}`, '-verify', pemFile, ...pssOptions, '-signature', world.file('sig.bin', signature), world.file('msg.bin', MESSAGE)]);
        expect(dgst, 'openssl dgst').to.deep.include({ code: 0 });
        expect(dgst.output).to.contain('Verified OK');
        const pkeyoptPss = pss ? ['-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:-1'] : [];
        const pkeyutl = world.openssl(['pkeyutl', '-verify', '-pubin', '-inkey', pemFile, '-in', world.file('digest.bin', digest), '-sigfile', world.file('sig.bin', signature), '-pkeyopt', `digest:${hash}`, ...pkeyoptPss]);
        expect(pkeyutl.output, 'openssl pkeyutl').to.contain('Signature Verified Successfully');

        const verified = await world.kms.send(new VerifyCommand({ KeyId: keyId, Message: MESSAGE, MessageType: 'RAW', Signature: signature, SigningAlgorithm: algorithm }));
        expect(verified.SignatureValid).to.equal(true);
        const viaDigest = await world.kms.send(new VerifyCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', Signature: signature, SigningAlgorithm: algorithm }));
        expect(viaDigest.SignatureValid).to.equal(true);
      });
    }
  }

  it('a signature KMS did not make is KMSInvalidSignatureException', async () => {
    const keyId = await keyFor('ECC_NIST_P256');
    const forged = createHash('sha512').update('not a signature').digest();
    const refused = await failure(world.kms.send(new VerifyCommand({ KeyId: keyId, Message: MESSAGE, Signature: forged, SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect(refused).to.deep.include({ name: 'KMSInvalidSignatureException', status: 400 });
  });

  it('ECC_NIST_EDWARDS25519: ED25519_SHA_512 over RAW (openssl -rawin) and ED25519_PH_SHA_512 over a SHA-512 DIGEST', async () => {
    const keyId = await keyFor('ECC_NIST_EDWARDS25519');
    const { der, pemFile } = await world.publicKeyPem(keyId);
    const pure = Buffer.from((await world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'ED25519_SHA_512' }))).Signature!);
    expect(nodeVerify(null, MESSAGE, createPublicKey({ key: der, format: 'der', type: 'spki' }), pure)).to.equal(true);
    const openssl = world.openssl(['pkeyutl', '-verify', '-pubin', '-inkey', pemFile, '-rawin', '-in', world.file('msg.bin', MESSAGE), '-sigfile', world.file('sig.bin', pure)]);
    expect(openssl.output).to.contain('Signature Verified Successfully');

    const digest = createHash('sha512').update(MESSAGE).digest();
    const ph = Buffer.from((await world.kms.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_PH_SHA_512' }))).Signature!);
    expect(ed25519ph.verify(new Uint8Array(ph), new Uint8Array(digest), new Uint8Array(der.subarray(der.length - 32)))).to.equal(true);
    expect((await world.kms.send(new VerifyCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', Signature: ph, SigningAlgorithm: 'ED25519_PH_SHA_512' }))).SignatureValid).to.equal(true);

    const rawPh = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, MessageType: 'RAW', SigningAlgorithm: 'ED25519_PH_SHA_512' })));
    expect(rawPh).to.deep.include({ name: 'ValidationException', message: 'Message type RAW is incompatible with algorithm ED25519_PH_SHA_512.' });
    const digestPure = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ED25519_SHA_512' })));
    expect(digestPure).to.deep.include({ name: 'ValidationException', message: 'Message type DIGEST is incompatible with algorithm ED25519_SHA_512.' });
  });

  for (const [spec, set] of [['ML_DSA_44', ml_dsa44], ['ML_DSA_65', ml_dsa65], ['ML_DSA_87', ml_dsa87]] as const) {
    it(`${spec}: ML_DSA_SHAKE_256 over RAW and EXTERNAL_MU, checked by @noble/post-quantum`, async () => {
      const keyId = await keyFor(spec);
      const { der } = await world.publicKeyPem(keyId);
      const publicKey = new Uint8Array(der.subarray(der.length - set.lengths.publicKey!));
      const { Signature } = await world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'ML_DSA_SHAKE_256' }));
      expect(set.verify(Signature!, new Uint8Array(MESSAGE), publicKey)).to.equal(true);
      expect((await world.kms.send(new VerifyCommand({ KeyId: keyId, Message: MESSAGE, Signature: Signature!, SigningAlgorithm: 'ML_DSA_SHAKE_256' }))).SignatureValid).to.equal(true);

      // FIPS 204: mu = SHAKE256(SHAKE256(pk, 64) || 0x00 || 0x00 || M, 64) for an empty context.
      const tr = createHash('shake256', { outputLength: 64 }).update(publicKey).digest();
      const mu = createHash('shake256', { outputLength: 64 }).update(tr).update(Buffer.from([0, 0])).update(MESSAGE).digest();
      const external = await world.kms.send(new SignCommand({ KeyId: keyId, Message: mu, MessageType: 'EXTERNAL_MU', SigningAlgorithm: 'ML_DSA_SHAKE_256' }));
      expect(set.verify(external.Signature!, new Uint8Array(MESSAGE), publicKey)).to.equal(true);

      const digest = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: mu, MessageType: 'DIGEST', SigningAlgorithm: 'ML_DSA_SHAKE_256' })));
      expect(digest).to.deep.include({ name: 'ValidationException', message: `Message type DIGEST is incompatible with key spec ${spec}.` });
    });
  }

  it('Verify of a changed message or signature is KMSInvalidSignatureException (400), never SignatureValid false', async () => {
    const keyId = await keyFor('RSA_2048');
    const { Signature } = await world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
    const changed = await failure(world.kms.send(new VerifyCommand({ KeyId: keyId, Message: Buffer.from('another message'), Signature: Signature!, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })));
    expect(changed).to.deep.include({ name: 'KMSInvalidSignatureException', status: 400 });
    const otherAlgorithm = await failure(world.kms.send(new VerifyCommand({ KeyId: keyId, Message: MESSAGE, Signature: Signature!, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' })));
    expect(otherAlgorithm.name).to.equal('KMSInvalidSignatureException');
  });

  it('refuses a DIGEST of the wrong length: ValidationException "Digest is invalid length for algorithm ..."', async () => {
    const keyId = await keyFor('ECC_NIST_P256');
    const refused = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: Buffer.alloc(48, 1), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect(refused).to.deep.include({ name: 'ValidationException', status: 400, message: 'Digest is invalid length for algorithm ECDSA_SHA_256.' });
  });

  it('refuses a RAW message over 4096 bytes: ValidationException', async () => {
    const keyId = await keyFor('ECC_NIST_P256');
    const refused = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: Buffer.alloc(4097, 1), SigningAlgorithm: 'ECDSA_SHA_256' })));
    expect(refused).to.deep.include({ name: 'ValidationException', status: 400 });
    const { Signature } = await world.kms.send(new SignCommand({ KeyId: keyId, Message: Buffer.alloc(4096, 1), SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(Signature!.length).to.be.greaterThan(60);
  });

  it('refuses an algorithm of another key spec: InvalidKeyUsageException', async () => {
    const keyId = await keyFor('ECC_NIST_P256');
    const refused = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_384' })));
    expect(refused).to.deep.include({ name: 'InvalidKeyUsageException', status: 400, message: 'Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.' });
  });

  it('refuses keys of another usage: InvalidKeyUsageException "<arn> key usage is ... which is not valid for Sign."', async () => {
    for (const [spec, usage] of [['RSA_2048', 'ENCRYPT_DECRYPT'], ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT'], ['HMAC_256', 'GENERATE_VERIFY_MAC'], ['ECC_NIST_P256', 'KEY_AGREEMENT']] as const) {
      const keyId = await world.createKey(spec, usage);
      const refused = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })));
      expect(refused.name).to.equal('InvalidKeyUsageException');
      expect(refused.message).to.match(new RegExp(`^arn:aws:kms:us-east-2:\\d{12}:key/${keyId} key usage is ${usage} which is not valid for Sign\\.$`));
      const verify = await failure(world.kms.send(new VerifyCommand({ KeyId: keyId, Message: MESSAGE, Signature: Buffer.alloc(64, 1), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })));
      expect(verify.message).to.match(/which is not valid for Verify\.$/);
    }
  });

  it('signs through an alias, and a disabled key is DisabledException', async () => {
    const keyId = await world.createKey('ECC_NIST_P384', 'SIGN_VERIFY');
    await world.kms.send(new CreateAliasCommand({ AliasName: 'alias/signer', TargetKeyId: keyId }));
    const { KeyId } = await world.kms.send(new SignCommand({ KeyId: 'alias/signer', Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_384' }));
    expect(KeyId).to.match(new RegExp(`${keyId}$`));
    await world.kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const refused = await failure(world.kms.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_384' })));
    expect(refused).to.deep.include({ name: 'DisabledException' });
    expect(refused.message).to.match(/ is disabled\.$/);
  });
});
