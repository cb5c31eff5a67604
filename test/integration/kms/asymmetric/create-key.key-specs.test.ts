// CreateKey and DescribeKey for every KeySpec x KeyUsage AWS offers outside China, over the wire with the
// AWS SDK v3: KeyMetadata carries exactly the algorithms of the key's usage; AWS's refusals for the rest.

import { CreateKeyCommand, DescribeKeyCommand, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const RSA_SIGNING = ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'];
const RSA_ENCRYPTION = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];

interface Expected {
  readonly spec: KeySpec;
  readonly usage: KeyUsageType;
  readonly algorithms: Partial<Record<string, string[]>>;
  readonly cmkSpec: boolean;
}

const KINDS: Expected[] = [
  ...(['RSA_2048', 'RSA_3072', 'RSA_4096'] as const).flatMap((spec) => [
    { spec, usage: 'ENCRYPT_DECRYPT' as const, algorithms: { EncryptionAlgorithms: RSA_ENCRYPTION }, cmkSpec: true },
    { spec, usage: 'SIGN_VERIFY' as const, algorithms: { SigningAlgorithms: RSA_SIGNING }, cmkSpec: true },
  ]),
  ...([['ECC_NIST_P256', 'ECDSA_SHA_256'], ['ECC_NIST_P384', 'ECDSA_SHA_384'], ['ECC_NIST_P521', 'ECDSA_SHA_512']] as const).flatMap(([spec, signing]) => [
    { spec, usage: 'SIGN_VERIFY' as const, algorithms: { SigningAlgorithms: [signing] }, cmkSpec: true },
    { spec, usage: 'KEY_AGREEMENT' as const, algorithms: { KeyAgreementAlgorithms: ['ECDH'] }, cmkSpec: true },
  ]),
  { spec: 'ECC_SECG_P256K1', usage: 'SIGN_VERIFY', algorithms: { SigningAlgorithms: ['ECDSA_SHA_256'] }, cmkSpec: true },
  { spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY', algorithms: { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] }, cmkSpec: false },
  ...([224, 256, 384, 512] as const).map((bits) => ({ spec: `HMAC_${bits}` as KeySpec, usage: 'GENERATE_VERIFY_MAC' as const, algorithms: { MacAlgorithms: [`HMAC_SHA_${bits}`] }, cmkSpec: true })),
  ...(['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'] as const).map((spec) => ({ spec, usage: 'SIGN_VERIFY' as const, algorithms: { SigningAlgorithms: ['ML_DSA_SHAKE_256'] }, cmkSpec: false })),
];
const ALGORITHM_MEMBERS = ['EncryptionAlgorithms', 'SigningAlgorithms', 'MacAlgorithms', 'KeyAgreementAlgorithms'] as const;

describe('CreateKey with every KeySpec and KeyUsage, over the wire', function () {
  this.timeout(60_000);
  let world: AsymmetricWorld;

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const kind of KINDS) {
    it(`${kind.spec} for ${kind.usage}: DescribeKey shows KeySpec, KeyUsage and only that usage's algorithms`, async () => {
      const created = await world.kms.send(new CreateKeyCommand({ KeySpec: kind.spec, KeyUsage: kind.usage }));
      const { KeyMetadata } = await world.kms.send(new DescribeKeyCommand({ KeyId: created.KeyMetadata!.KeyId! }));
      expect(KeyMetadata).to.deep.include({ KeySpec: kind.spec, KeyUsage: kind.usage, Origin: 'AWS_KMS', KeyState: 'Enabled', Enabled: true });
      expect(KeyMetadata!.CustomerMasterKeySpec).to.equal(kind.cmkSpec ? kind.spec : undefined);
      for (const member of ALGORITHM_MEMBERS) expect(KeyMetadata![member], member).to.deep.equal(kind.algorithms[member]);
      expect(created.KeyMetadata).to.deep.include({ KeySpec: kind.spec, KeyUsage: kind.usage });
    });
  }

  it('SYMMETRIC_DEFAULT still lists only SYMMETRIC_DEFAULT encryption', async () => {
    const { KeyMetadata } = await world.kms.send(new CreateKeyCommand({}));
    expect(KeyMetadata).to.deep.include({ KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] });
    expect(KeyMetadata!.SigningAlgorithms).to.equal(undefined);
  });

  it('accepts the deprecated CustomerMasterKeySpec for an asymmetric key', async () => {
    const { KeyMetadata } = await world.kms.send(new CreateKeyCommand({ CustomerMasterKeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }));
    expect(KeyMetadata).to.deep.include({ KeySpec: 'ECC_NIST_P384', CustomerMasterKeySpec: 'ECC_NIST_P384' });
  });

  it('refuses an asymmetric or HMAC KeySpec without KeyUsage: ValidationException', async () => {
    for (const spec of ['RSA_2048', 'HMAC_256', 'ML_DSA_65'] as const) {
      const refused = await failure(world.kms.send(new CreateKeyCommand({ KeySpec: spec })));
      expect(refused).to.deep.include({ name: 'ValidationException', status: 400, message: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.' });
    }
  });

  it('refuses a KeyUsage its KeySpec does not offer: ValidationException', async () => {
    const cases: [KeySpec, KeyUsageType][] = [
      ['ECC_NIST_P256', 'ENCRYPT_DECRYPT'],
      ['ECC_SECG_P256K1', 'KEY_AGREEMENT'],
      ['RSA_2048', 'KEY_AGREEMENT'],
      ['HMAC_256', 'SIGN_VERIFY'],
      ['SYMMETRIC_DEFAULT', 'SIGN_VERIFY'],
      ['ML_DSA_44', 'ENCRYPT_DECRYPT'],
      ['RSA_4096', 'GENERATE_VERIFY_MAC'],
    ];
    for (const [spec, usage] of cases) {
      const refused = await failure(world.kms.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage })));
      expect(refused, `${spec} ${usage}`).to.deep.include({ name: 'ValidationException', status: 400, message: `KeyUsage ${usage} is not compatible with KeySpec ${spec}` });
    }
  });

  it('refuses SM2 outside the China Regions: UnsupportedOperationException', async () => {
    const refused = await failure(world.kms.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })));
    expect(refused).to.deep.include({ name: 'UnsupportedOperationException', status: 400, message: 'KeySpec SM2 is not supported in this Region' });
  });

  it('refuses asymmetric and HMAC keys in a custom key store: UnsupportedOperationException (open question 10)', async () => {
    for (const [spec, usage] of [['RSA_2048', 'SIGN_VERIFY'], ['HMAC_256', 'GENERATE_VERIFY_MAC'], ['ECC_NIST_P256', 'KEY_AGREEMENT']] as const) {
      const refused = await failure(world.kms.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage, Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-1234567890abcdef0' })));
      expect(refused).to.deep.include({ name: 'UnsupportedOperationException', status: 400, message: `An AWS CloudHSM key store holds only SYMMETRIC_DEFAULT keys, not KeySpec ${spec}.` });
    }
  });
});
