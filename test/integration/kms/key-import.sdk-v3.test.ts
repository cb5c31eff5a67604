// Imported key material over the wire with the AWS SDK v3, wrapped with node:crypto as a real importer
// does: each wrapping algorithm and key size, expiry on the simulated clock (also after a restart),
// reimport, DeleteImportedKeyMaterial, on-demand rotation of imported material, and the errors.

import { createPublicKey, randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
  type AlgorithmSpec,
  type ImportKeyMaterialCommandInput,
  type WrappingKeySpec,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { wrap } from './key-material-wrapping';
import { DAY_SECONDS, expectFailure, KmsWireWorld } from './kms-wire-world';

describe('KMS imported key material, over the wire', () => {
  let world: KmsWireWorld;
  let keyId: string;

  const parameters = (algorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256', spec: WrappingKeySpec = 'RSA_2048', id = keyId) =>
    world.kms().send(new GetParametersForImportCommand({ KeyId: id, WrappingAlgorithm: algorithm, WrappingKeySpec: spec }));
  const importMaterial = async (material: Buffer, extra: Partial<ImportKeyMaterialCommandInput> = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }, algorithm: AlgorithmSpec = 'RSAES_OAEP_SHA_256') => {
    const { ImportToken, PublicKey } = await parameters(algorithm);
    return world.kms().send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken, EncryptedKeyMaterial: wrap(algorithm, PublicKey!, material), ...extra }));
  };
  const metadata = async () => (await world.kms().send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
  const roundTrip = async (): Promise<Uint8Array> => {
    const { CiphertextBlob } = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('imported') }));
    expect(Buffer.from((await world.kms().send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).to.equal('imported');
    return CiphertextBlob!;
  };

  beforeEach(async () => {
    world = await KmsWireWorld.start('import');
    keyId = (await world.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata!.KeyId!;
  });
  afterEach(() => world.stop());

  it('creates an EXTERNAL key in PendingImport, refused for encryption', async () => {
    expect(await metadata()).to.deep.include({ Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false });
    expect((await metadata()).CurrentKeyMaterialId).to.equal(undefined);
    await expectFailure(world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException', /is pending import\.$/);
  });

  it('hands out a DER public key of the asked size and a token valid for 24 hours of the simulated clock', async () => {
    for (const [spec, bits] of [['RSA_2048', 2048], ['RSA_3072', 3072], ['RSA_4096', 4096]] as const) {
      const { PublicKey, ImportToken, ParametersValidTo, KeyId } = await parameters('RSA_AES_KEY_WRAP_SHA_256', spec);
      expect(createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength).to.equal(bits);
      expect(ImportToken!.length).to.be.greaterThan(0);
      expect(KeyId).to.match(/^arn:aws:kms:/);
      expect(ParametersValidTo!.getTime() - (await world.now()).getTime()).to.be.within(24 * 3600_000 - 5000, 24 * 3600_000 + 1000);
    }
  });

  for (const algorithm of ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256'] as const) {
    it(`imports material wrapped with ${algorithm}; the key is Enabled and encrypts`, async () => {
      const { KeyMaterialId, KeyId } = await importMaterial(randomBytes(32), { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }, algorithm);
      expect(KeyId).to.match(/^arn:aws:kms:/);
      expect(KeyMaterialId).to.match(/^[0-9a-f]{64}$/);
      expect(await metadata()).to.deep.include({ KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', CurrentKeyMaterialId: KeyMaterialId });
      await roundTrip();
    });
  }

  it('refuses the deprecated RSAES_PKCS1_V1_5 and, outside the China Regions, SM2', async () => {
    await expectFailure(parameters('RSAES_PKCS1_V1_5'), 'ValidationException', /October 10, 2023/);
    await expectFailure(parameters('SM2PKE', 'SM2'), 'UnsupportedOperationException', /China Regions only/);
  });

  it('expires KEY_MATERIAL_EXPIRES material at ValidTo on the simulated clock; reimporting it restores the key and its ciphertexts', async () => {
    const material = randomBytes(32);
    const ValidTo = new Date((await world.now()).getTime() + 2 * DAY_SECONDS * 1000);
    await importMaterial(material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo });
    expect((await metadata()).ValidTo).to.deep.equal(ValidTo);
    const blob = await roundTrip();
    await world.advance(DAY_SECONDS);
    expect((await metadata()).KeyState).to.equal('Enabled');
    await world.advance(DAY_SECONDS);
    expect(await metadata()).to.deep.include({ KeyState: 'PendingImport' });
    await expectFailure(world.kms().send(new DecryptCommand({ CiphertextBlob: blob })), 'KMSInvalidStateException', /is pending import\.$/);
    await importMaterial(material);
    expect(Buffer.from((await world.kms().send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).to.equal('imported');
  });

  it('refuses different material for a key that had material: IncorrectKeyMaterialException', async () => {
    await importMaterial(randomBytes(32));
    await expectFailure(importMaterial(randomBytes(32)), 'IncorrectKeyMaterialException');
  });

  it('answers InvalidCiphertextException for a bad wrap, InvalidImportTokenException for a token of another key, ExpiredImportTokenException after 24 hours', async () => {
    const { ImportToken, PublicKey } = await parameters();
    await expectFailure(world.kms().send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken, EncryptedKeyMaterial: randomBytes(256), ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), 'InvalidCiphertextException');
    const other = (await world.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata!.KeyId!;
    const wrapped = wrap('RSAES_OAEP_SHA_256', PublicKey!, randomBytes(32));
    await expectFailure(world.kms().send(new ImportKeyMaterialCommand({ KeyId: other, ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), 'InvalidImportTokenException');
    await expectFailure(world.kms().send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: Buffer.from('forged'), EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), 'InvalidImportTokenException');
    await expectFailure(world.kms().send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken, EncryptedKeyMaterial: wrapped })), 'ValidationException', /needs ValidTo/);
    await world.advance(DAY_SECONDS + 60);
    await expectFailure(world.kms().send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })), 'ExpiredImportTokenException');
  });

  it('deletes imported material (PendingImport) and refuses import operations on AWS_KMS keys', async () => {
    const { KeyMaterialId } = await importMaterial(randomBytes(32));
    expect(await world.kms().send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }))).to.deep.include({ KeyMaterialId });
    expect((await metadata()).KeyState).to.equal('PendingImport');
    await expectFailure(world.kms().send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId })), 'KMSInvalidStateException', /is pending import\.$/);
    const awsKms = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!;
    await expectFailure(parameters('RSAES_OAEP_SHA_256', 'RSA_2048', awsKms.KeyId), 'UnsupportedOperationException', /origin is AWS_KMS which is not valid for this operation\.$/);
  });

  it('keeps imported material across a restart and expires it on the re-armed ValidTo', async () => {
    const ValidTo = new Date((await world.now()).getTime() + 3 * DAY_SECONDS * 1000);
    await importMaterial(randomBytes(32), { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo });
    const blob = await roundTrip();
    await world.restart();
    expect(Buffer.from((await world.kms().send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).to.equal('imported');
    await world.advance(3 * DAY_SECONDS);
    expect((await metadata()).KeyState).to.equal('PendingImport');
  });

  it('rotates imported material on demand after ImportType NEW_KEY_MATERIAL; old ciphertexts still decrypt', async () => {
    const first = await importMaterial(randomBytes(32));
    const blob = await roundTrip();
    await expectFailure(world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId })), 'KMSInvalidStateException', /NEW_KEY_MATERIAL/);
    const second = await importMaterial(randomBytes(32), { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ImportType: 'NEW_KEY_MATERIAL' });
    const pending = (await world.kms().send(new ListKeyRotationsCommand({ KeyId: keyId, IncludeKeyMaterial: 'ALL_KEY_MATERIAL' }))).Rotations!;
    expect(pending.map((entry) => [entry.KeyMaterialId, entry.KeyMaterialState, entry.ImportState])).to.deep.equal([
      [first.KeyMaterialId, 'CURRENT', 'IMPORTED'],
      [second.KeyMaterialId, 'PENDING_ROTATION', 'IMPORTED'],
    ]);
    await world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    expect((await metadata()).CurrentKeyMaterialId).to.equal(second.KeyMaterialId);
    const { KeyMaterialId } = await world.kms().send(new DecryptCommand({ CiphertextBlob: blob }));
    expect(KeyMaterialId).to.equal(first.KeyMaterialId);
    await roundTrip();
  });
});
