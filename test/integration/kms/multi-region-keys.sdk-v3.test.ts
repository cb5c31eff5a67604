// Multi-Region keys over the wire with the AWS SDK v3: one simulator serves every Region (by the SigV4
// credential scope), so a replica made by ReplicateKey is used with a client of its Region and decrypts
// what its primary encrypted. UpdatePrimaryRegion, MultiRegionConfiguration, rotation shared by the set,
// persistence and the refusals.

import { randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  ListKeysCommand,
  CancelKeyDeletionCommand,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { wrap } from './key-material-wrapping';
import { DAY_SECONDS, expectFailure, HOME_REGION, KmsWireWorld } from './kms-wire-world';

const REPLICA_REGION = 'eu-west-1';

describe('KMS multi-Region keys, over the wire', () => {
  let world: KmsWireWorld;
  let keyId: string;
  let primaryArn: string;

  const describe_ = async (region: string) => (await world.kms(region).send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
  const replicate = (region = REPLICA_REGION, extra: object = {}) => world.kms().send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: region, ...extra }));

  beforeEach(async () => {
    world = await KmsWireWorld.start('mrk');
    const { KeyMetadata } = await world.kms().send(new CreateKeyCommand({ MultiRegion: true, Description: 'primary' }));
    keyId = KeyMetadata!.KeyId!;
    primaryArn = KeyMetadata!.Arn!;
  });
  afterEach(() => world.stop());

  it('creates a multi-Region primary key with an mrk- id', async () => {
    expect(keyId).to.match(/^mrk-[0-9a-f]{32}$/);
    const metadata = await describe_(HOME_REGION);
    expect(metadata.MultiRegion).to.equal(true);
    expect(metadata.MultiRegionConfiguration).to.deep.equal({ MultiRegionKeyType: 'PRIMARY', PrimaryKey: { Arn: primaryArn, Region: HOME_REGION }, ReplicaKeys: [] });
  });

  it('replicates into another Region, where the replica decrypts the primary\'s ciphertext and the primary decrypts the replica\'s', async () => {
    const { ReplicaKeyMetadata, ReplicaPolicy, ReplicaTags } = await replicate(REPLICA_REGION, { Description: 'replica', Tags: [{ TagKey: 'team', TagValue: 'blue' }] });
    const replicaArn = `arn:aws:kms:${REPLICA_REGION}:111122223333:key/${keyId}`;
    expect(ReplicaKeyMetadata).to.deep.include({ KeyId: keyId, Arn: replicaArn, KeyState: 'Enabled', Description: 'replica', MultiRegion: true });
    expect(ReplicaKeyMetadata!.MultiRegionConfiguration).to.deep.equal({
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: primaryArn, Region: HOME_REGION },
      ReplicaKeys: [{ Arn: replicaArn, Region: REPLICA_REGION }],
    });
    expect(JSON.parse(ReplicaPolicy!)).to.have.property('Statement');
    expect(ReplicaTags).to.deep.equal([{ TagKey: 'team', TagValue: 'blue' }]);
    expect((await describe_(HOME_REGION)).MultiRegionConfiguration!.ReplicaKeys).to.deep.equal([{ Arn: replicaArn, Region: REPLICA_REGION }]);
    expect((await world.kms(REPLICA_REGION).send(new ListKeysCommand({}))).Keys).to.deep.equal([{ KeyId: keyId, KeyArn: replicaArn }]);

    const { CiphertextBlob } = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('from the primary'), EncryptionContext: { a: 'b' } }));
    const inReplica = await world.kms(REPLICA_REGION).send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { a: 'b' } }));
    expect(Buffer.from(inReplica.Plaintext!).toString()).to.equal('from the primary');
    expect(inReplica.KeyId).to.equal(replicaArn);
    const back = await world.kms(REPLICA_REGION).send(new EncryptCommand({ KeyId: replicaArn, Plaintext: Buffer.from('from the replica') }));
    expect(Buffer.from((await world.kms().send(new DecryptCommand({ CiphertextBlob: back.CiphertextBlob }))).Plaintext!).toString()).to.equal('from the replica');
  });

  it('shares rotations: after an on-demand rotation of the primary the replica encrypts with the new material and decrypts the old', async () => {
    await replicate();
    const { CiphertextBlob: before } = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('before') }));
    await world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const current = (await describe_(HOME_REGION)).CurrentKeyMaterialId;
    expect((await describe_(REPLICA_REGION)).CurrentKeyMaterialId).to.equal(current);
    const { CiphertextBlob: after } = await world.kms(REPLICA_REGION).send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('after') }));
    expect((await world.kms().send(new DecryptCommand({ CiphertextBlob: after }))).KeyMaterialId).to.equal(current);
    expect(Buffer.from((await world.kms(REPLICA_REGION).send(new DecryptCommand({ CiphertextBlob: before }))).Plaintext!).toString()).to.equal('before');
    await expectFailure(world.kms(REPLICA_REGION).send(new RotateKeyOnDemandCommand({ KeyId: keyId })), 'UnsupportedOperationException', /replica key/);
  });

  it('moves the primary with UpdatePrimaryRegion', async () => {
    await replicate();
    await replicate('ap-southeast-2');
    await world.kms().send(new UpdatePrimaryRegionCommand({ KeyId: keyId, PrimaryRegion: REPLICA_REGION }));
    const now = await describe_(REPLICA_REGION);
    expect(now.MultiRegionConfiguration!.MultiRegionKeyType).to.equal('PRIMARY');
    expect(now.MultiRegionConfiguration!.ReplicaKeys!.map((key) => key.Region).sort()).to.deep.equal(['ap-southeast-2', HOME_REGION]);
    expect((await describe_(HOME_REGION)).MultiRegionConfiguration!.MultiRegionKeyType).to.equal('REPLICA');
    await expectFailure(replicate('ca-central-1'), 'UnsupportedOperationException', /replica key/);
    await world.kms(REPLICA_REGION).send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: 'ca-central-1' }));
    await expectFailure(world.kms(REPLICA_REGION).send(new UpdatePrimaryRegionCommand({ KeyId: keyId, PrimaryRegion: 'sa-east-1' })), 'NotFoundException');
  });

  it('refuses a second replica in a Region, replication of a single-Region key, and multi-Region keys in a key store', async () => {
    await replicate();
    await expectFailure(replicate(), 'AlreadyExistsException');
    await expectFailure(replicate(HOME_REGION), 'AlreadyExistsException');
    const single = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await expectFailure(world.kms().send(new ReplicateKeyCommand({ KeyId: single, ReplicaRegion: REPLICA_REGION })), 'UnsupportedOperationException', /is not a multi-Region key/);
    await expectFailure(world.kms().send(new CreateKeyCommand({ MultiRegion: true, Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-1234567890abcdef0' })), 'UnsupportedOperationException', /no multi-Region keys/);
  });

  it('imports the same material into each key of an EXTERNAL set; each key deletes its own', async () => {
    const external = (await world.kms().send(new CreateKeyCommand({ MultiRegion: true, Origin: 'EXTERNAL' }))).KeyMetadata!.KeyId!;
    const material = randomBytes(32);
    const importInto = async (region: string): Promise<string> => {
      const { ImportToken, PublicKey } = await world.kms(region).send(new GetParametersForImportCommand({ KeyId: external, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
      const EncryptedKeyMaterial = wrap('RSAES_OAEP_SHA_256', PublicKey!, material);
      return (await world.kms(region).send(new ImportKeyMaterialCommand({ KeyId: external, ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }))).KeyMaterialId!;
    };
    const inPrimary = await importInto(HOME_REGION);
    await world.kms().send(new ReplicateKeyCommand({ KeyId: external, ReplicaRegion: REPLICA_REGION }));
    expect((await world.kms(REPLICA_REGION).send(new DescribeKeyCommand({ KeyId: external }))).KeyMetadata!.KeyState).to.equal('PendingImport');
    const other = await world.kms(REPLICA_REGION).send(new GetParametersForImportCommand({ KeyId: external, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    const otherMaterial = wrap('RSAES_OAEP_SHA_256', other.PublicKey!, randomBytes(32));
    await expectFailure(
      world.kms(REPLICA_REGION).send(new ImportKeyMaterialCommand({ KeyId: external, ImportToken: other.ImportToken, EncryptedKeyMaterial: otherMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' })),
      'IncorrectKeyMaterialException',
    );
    expect(await importInto(REPLICA_REGION)).to.equal(inPrimary);
    const { CiphertextBlob } = await world.kms().send(new EncryptCommand({ KeyId: external, Plaintext: Buffer.from('shared') }));
    expect(Buffer.from((await world.kms(REPLICA_REGION).send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).to.equal('shared');
    await world.kms(REPLICA_REGION).send(new DeleteImportedKeyMaterialCommand({ KeyId: external }));
    expect((await world.kms(REPLICA_REGION).send(new DescribeKeyCommand({ KeyId: external }))).KeyMetadata!.KeyState).to.equal('PendingImport');
    expect(Buffer.from((await world.kms().send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).to.equal('shared');
  });

  it('holds a primary key with replicas in PendingReplicaDeletion until its last replica is deleted, then waits out its window', async () => {
    await replicate();
    const scheduled = await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(scheduled).to.deep.include({ KeyState: 'PendingReplicaDeletion', PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate).to.equal(undefined);
    expect(await describe_(HOME_REGION)).to.deep.include({ KeyState: 'PendingReplicaDeletion', PendingDeletionWindowInDays: 7, Enabled: false });
    await expectFailure(world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException', /is pending replica deletion\.$/);
    await world.kms().send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect((await describe_(HOME_REGION)).KeyState).to.equal('Disabled');
    await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await world.kms(REPLICA_REGION).send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 10 }));
    await world.advance(10 * DAY_SECONDS);
    await expectFailure(world.kms(REPLICA_REGION).send(new DescribeKeyCommand({ KeyId: keyId })), 'NotFoundException');
    const primary = await describe_(HOME_REGION);
    expect(primary.KeyState).to.equal('PendingDeletion');
    expect(primary.DeletionDate!.getTime() - (await world.now()).getTime()).to.be.within(7 * DAY_SECONDS * 1000 - 5000, 7 * DAY_SECONDS * 1000);
    await world.advance(7 * DAY_SECONDS);
    await expectFailure(world.kms().send(new DescribeKeyCommand({ KeyId: keyId })), 'NotFoundException');
  });

  it('keeps the set across a restart', async () => {
    await replicate();
    const { CiphertextBlob } = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('durable') }));
    await world.restart();
    expect((await describe_(REPLICA_REGION)).MultiRegionConfiguration!.MultiRegionKeyType).to.equal('REPLICA');
    expect(Buffer.from((await world.kms(REPLICA_REGION).send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString()).to.equal('durable');
  });
});
