// Key rotation over the wire with the AWS SDK v3 and the simulated clock: automatic rotation when the
// clock passes NextRotationDate (also after a restart), on-demand rotation and its quota, ListKeyRotations,
// every older ciphertext still decrypting (with the KeyMaterialId that made it), and the refusals.

import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { DAY_SECONDS, expectFailure, KmsWireWorld } from './kms-wire-world';

const DAY_MS = DAY_SECONDS * 1000;

describe('KMS key rotation on the simulated clock, over the wire', () => {
  let world: KmsWireWorld;
  let keyId: string;

  const encrypt = async (text: string): Promise<Uint8Array> =>
    (await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from(text), EncryptionContext: { purpose: 'rotation' } }))).CiphertextBlob!;
  const decrypt = async (blob: Uint8Array): Promise<{ text: string; keyMaterialId: string | undefined }> => {
    const { Plaintext, KeyMaterialId } = await world.kms().send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'rotation' } }));
    return { text: Buffer.from(Plaintext!).toString(), keyMaterialId: KeyMaterialId };
  };
  const currentMaterial = async (): Promise<string> => (await world.kms().send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId!;
  const rotations = async (include?: 'ALL_KEY_MATERIAL') => (await world.kms().send(new ListKeyRotationsCommand({ KeyId: keyId, ...(include ? { IncludeKeyMaterial: include } : {}) }))).Rotations!;

  beforeEach(async () => {
    world = await KmsWireWorld.start('rotation');
    keyId = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  });
  afterEach(() => world.stop());

  it('reports rotation off by default, then on with the default 365-day period and its NextRotationDate', async () => {
    expect(await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).to.deep.include({ KeyRotationEnabled: false });
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId }));
    const status = await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status).to.deep.include({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(status.KeyId).to.match(/^arn:aws:kms:us-east-2:111122223333:key\//);
    expect(status.NextRotationDate!.getTime() - (await world.now()).getTime()).to.be.within(365 * DAY_MS - 5000, 365 * DAY_MS + 1000);
    expect(status.OnDemandRotationStartDate).to.equal(undefined);
  });

  it('refuses a period outside 90-2560 days (model validation)', async () => {
    await expectFailure(world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 89 })), 'ValidationException', /rotationPeriodInDays/);
    await expectFailure(world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 2561 })), 'ValidationException', /rotationPeriodInDays/);
  });

  it('rotates automatically when the clock passes NextRotationDate; old and new ciphertexts decrypt with their own material', async () => {
    const original = await currentMaterial();
    const before = await encrypt('before');
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    await world.advance(89 * DAY_SECONDS);
    expect(await rotations()).to.deep.equal([]);
    await world.advance(DAY_SECONDS);
    const [rotation] = await rotations();
    expect(rotation).to.deep.include({ RotationType: 'AUTOMATIC', KeyMaterialState: 'CURRENT' });
    const rotated = await currentMaterial();
    expect(rotated).to.not.equal(original);
    expect(rotated).to.equal(rotation!.KeyMaterialId);
    const after = await encrypt('after');
    expect(await decrypt(before)).to.deep.equal({ text: 'before', keyMaterialId: original });
    expect(await decrypt(after)).to.deep.equal({ text: 'after', keyMaterialId: rotated });
    const status = await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status.NextRotationDate!.getTime() - rotation!.RotationDate!.getTime()).to.equal(90 * DAY_MS);
    await world.advance(90 * DAY_SECONDS);
    expect(await rotations()).to.have.length(2);
    expect((await decrypt(before)).text).to.equal('before');
  });

  it('rotates on demand without changing the automatic schedule; ReEncrypt moves a ciphertext to the newest material', async () => {
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId }));
    const { NextRotationDate } = await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    const old = await encrypt('old');
    const { KeyId } = await world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    expect(KeyId).to.match(/:key\//);
    const [rotation] = await rotations();
    expect(rotation).to.deep.include({ RotationType: 'ON_DEMAND', KeyMaterialState: 'CURRENT' });
    expect((await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).NextRotationDate).to.deep.equal(NextRotationDate);
    const moved = await world.kms().send(new ReEncryptCommand({ CiphertextBlob: old, SourceEncryptionContext: { purpose: 'rotation' }, DestinationKeyId: keyId, DestinationEncryptionContext: { purpose: 'rotation' } }));
    expect(moved.DestinationKeyMaterialId).to.equal(rotation!.KeyMaterialId);
    expect(moved.SourceKeyMaterialId).to.not.equal(rotation!.KeyMaterialId);
    expect(await decrypt(moved.CiphertextBlob!)).to.deep.equal({ text: 'old', keyMaterialId: rotation!.KeyMaterialId });
    const all = await rotations('ALL_KEY_MATERIAL');
    expect(all.map((entry) => entry.KeyMaterialState)).to.deep.equal(['NON_CURRENT', 'CURRENT']);
    expect(all[0]!.RotationDate).to.equal(undefined);
  });

  it('allows 25 on-demand rotations per key, then LimitExceededException; every ciphertext still decrypts', async () => {
    const blobs = [await encrypt('0')];
    for (let i = 1; i <= 25; i += 1) {
      await world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      blobs.push(await encrypt(String(i)));
    }
    await expectFailure(world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId })), 'LimitExceededException', /25 on-demand rotations/);
    expect(await rotations()).to.have.length(25);
    for (const [i, blob] of blobs.entries()) expect((await decrypt(blob)).text).to.equal(String(i));
  });

  it('stops rotating when rotation is disabled', async () => {
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    await world.kms().send(new DisableKeyRotationCommand({ KeyId: keyId }));
    expect(await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).to.deep.include({ KeyRotationEnabled: false });
    await world.advance(200 * DAY_SECONDS);
    expect(await rotations()).to.deep.equal([]);
  });

  it('keeps rotations, settings and old ciphertexts across a restart, and rotates on the re-armed date', async () => {
    const first = await encrypt('first');
    await world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const second = await encrypt('second');
    await world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 100 }));
    await world.restart();
    expect(await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).to.deep.include({ KeyRotationEnabled: true, RotationPeriodInDays: 100 });
    expect(await rotations()).to.have.length(1);
    await world.advance(100 * DAY_SECONDS);
    expect((await rotations()).map((entry) => entry.RotationType)).to.deep.equal(['ON_DEMAND', 'AUTOMATIC']);
    expect((await decrypt(first)).text).to.equal('first');
    expect((await decrypt(second)).text).to.equal('second');
  });

  it('refuses rotation of keys with imported material (UnsupportedOperationException, as AWS words it) and follows the key state', async () => {
    const external = (await world.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }))).KeyMetadata!;
    const message = new RegExp(`^${external.Arn!} origin is EXTERNAL which is not valid for this operation\\.$`);
    await expectFailure(world.kms().send(new EnableKeyRotationCommand({ KeyId: external.KeyId })), 'UnsupportedOperationException', message);
    await expectFailure(world.kms().send(new GetKeyRotationStatusCommand({ KeyId: external.KeyId })), 'UnsupportedOperationException', message);
    await world.kms().send(new DisableKeyCommand({ KeyId: keyId }));
    await expectFailure(world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId })), 'DisabledException', /is disabled\.$/);
    await expectFailure(world.kms().send(new RotateKeyOnDemandCommand({ KeyId: keyId })), 'DisabledException', /is disabled\.$/);
    expect(await world.kms().send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).to.deep.include({ KeyRotationEnabled: false });
    await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    await expectFailure(world.kms().send(new EnableKeyRotationCommand({ KeyId: keyId })), 'KMSInvalidStateException', /is pending deletion\.$/);
  });
});
