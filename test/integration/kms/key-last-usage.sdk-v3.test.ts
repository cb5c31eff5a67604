// GetKeyLastUsage over the wire with the AWS SDK v3: the last cryptographic operation of each key, with the
// request id that made it, kept across a restart; management operations do not count.

import { CreateKeyCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand, GetKeyLastUsageCommand, ReEncryptCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { expectFailure, KmsWireWorld } from './kms-wire-world';

describe('KMS GetKeyLastUsage, over the wire', () => {
  let world: KmsWireWorld;
  let keyId: string;
  let created: Date;

  const lastUsage = async (id = keyId) => world.kms().send(new GetKeyLastUsageCommand({ KeyId: id }));

  beforeEach(async () => {
    world = await KmsWireWorld.start('usage');
    const { KeyMetadata } = await world.kms().send(new CreateKeyCommand({}));
    keyId = KeyMetadata!.KeyId!;
    created = KeyMetadata!.CreationDate!;
  });
  afterEach(() => world.stop());

  it('has no usage for a new key, tracked since its creation', async () => {
    await world.kms().send(new DescribeKeyCommand({ KeyId: keyId }));
    const usage = await lastUsage();
    expect(usage.KeyId).to.match(new RegExp(`:key/${keyId}$`));
    expect(usage.KeyCreationDate).to.deep.equal(created);
    expect(usage.TrackingStartDate).to.deep.equal(created);
    expect(usage.KeyLastUsage).to.equal(undefined);
  });

  it('records the last cryptographic operation and its request id; ReEncrypt counts for both keys; kept across a restart', async () => {
    const encrypted = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }));
    let usage = (await lastUsage()).KeyLastUsage!;
    expect(usage.Operation).to.equal('Encrypt');
    expect(usage.KmsRequestId).to.equal(encrypted.$metadata.requestId);
    expect(usage.Timestamp).to.be.instanceOf(Date);
    await world.kms().send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }));
    expect((await lastUsage()).KeyLastUsage!.Operation).to.equal('Decrypt');
    const other = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
    await world.kms().send(new ReEncryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, DestinationKeyId: other }));
    expect((await lastUsage()).KeyLastUsage!.Operation).to.equal('ReEncrypt');
    expect((await lastUsage(other)).KeyLastUsage!.Operation).to.equal('ReEncrypt');
    await world.restart();
    usage = (await lastUsage()).KeyLastUsage!;
    expect(usage.Operation).to.equal('ReEncrypt');
  });

  it('answers NotFoundException for an unknown key', async () => {
    await expectFailure(lastUsage('00000000-0000-4000-8000-000000000000'), 'NotFoundException');
  });
});
