// Grants over the wire with the AWS SDK v3: CreateGrant (operations per key kind, constraints, Name
// idempotency), tokens usable at once, ListGrants filters and pages, ListRetirableGrants, RetireGrant by
// token or id, RevokeGrant, the key-state rules, persistence across a restart, and deletion with the key.

import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
  type GrantOperation,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { DAY_SECONDS, expectFailure, KmsWireWorld } from './kms-wire-world';

const APP = 'arn:aws:iam::111122223333:role/app';
const RETIRER = 'arn:aws:iam::111122223333:role/retirer';

describe('KMS grants, over the wire', () => {
  let world: KmsWireWorld;
  let keyId: string;

  const grant = (operations: GrantOperation[] = ['Encrypt', 'Decrypt'], extra: object = {}) =>
    world.kms().send(new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: APP, RetiringPrincipal: RETIRER, Operations: operations, ...extra }));

  beforeEach(async () => {
    world = await KmsWireWorld.start('grants');
    keyId = (await world.kms().send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
  });
  afterEach(() => world.stop());

  it('creates a grant whose token works at once in Encrypt, Decrypt and GenerateDataKey', async () => {
    const { GrantId, GrantToken } = await grant(['Encrypt', 'Decrypt', 'GenerateDataKey']);
    expect(GrantId).to.match(/^[0-9a-f]{64}$/);
    const { CiphertextBlob } = await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('hi'), GrantTokens: [GrantToken!] }));
    const { Plaintext } = await world.kms().send(new DecryptCommand({ CiphertextBlob, GrantTokens: [GrantToken!] }));
    expect(Buffer.from(Plaintext!).toString()).to.equal('hi');
    await world.kms().send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', GrantTokens: [GrantToken!] }));
  });

  it('refuses malformed and unknown grant tokens with InvalidGrantTokenException', async () => {
    await expectFailure(world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: ['not-a-token'] })), 'InvalidGrantTokenException');
    const { GrantToken, GrantId } = await grant();
    await world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId }));
    await expectFailure(world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken!] })), 'InvalidGrantTokenException');
  });

  it('lists a grant as AWS does, filtered by GrantId and GranteePrincipal', async () => {
    const { GrantId } = await grant(['Decrypt'], { Name: 'app-decrypt', Constraints: { EncryptionContextSubset: { tenant: 'acme' } } });
    await world.kms().send(new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: RETIRER, Operations: ['DescribeKey'] }));
    const { Grants, Truncated } = await world.kms().send(new ListGrantsCommand({ KeyId: keyId, GrantId }));
    expect(Truncated).to.equal(false);
    expect(Grants).to.have.length(1);
    const [entry] = Grants!;
    expect(entry).to.deep.include({ GrantId, Name: 'app-decrypt', GranteePrincipal: APP, RetiringPrincipal: RETIRER, IssuingAccount: 'arn:aws:iam::111122223333:root', Operations: ['Decrypt'] });
    expect(entry!.KeyId).to.match(new RegExp(`^arn:aws:kms:us-east-2:111122223333:key/${keyId}$`));
    expect(entry!.Constraints).to.deep.equal({ EncryptionContextSubset: { tenant: 'acme' } });
    expect(entry!.CreationDate).to.be.instanceOf(Date);
    expect((await world.kms().send(new ListGrantsCommand({ KeyId: keyId, GranteePrincipal: RETIRER }))).Grants!.map((g) => g.Operations)).to.deep.equal([['DescribeKey']]);
    await expectFailure(world.kms().send(new ListGrantsCommand({ KeyId: keyId, GrantId: 'nope' })), 'InvalidGrantIdException');
  });

  it('pages ListGrants with Limit and Marker', async () => {
    for (let i = 0; i < 5; i += 1) await grant();
    const first = await world.kms().send(new ListGrantsCommand({ KeyId: keyId, Limit: 2 }));
    expect(first.Grants).to.have.length(2);
    expect(first.Truncated).to.equal(true);
    const rest = await world.kms().send(new ListGrantsCommand({ KeyId: keyId, Limit: 10, Marker: first.NextMarker }));
    expect(rest.Grants).to.have.length(3);
    expect(rest.Truncated).to.equal(false);
    expect(rest.NextMarker).to.equal(undefined);
    await expectFailure(world.kms().send(new ListGrantsCommand({ KeyId: keyId, Marker: 'bogus' })), 'InvalidMarkerException');
  });

  it('returns the same GrantId and a new token for the same Name and parameters; another grant when they differ', async () => {
    const first = await grant(['Encrypt'], { Name: 'retry-me' });
    const again = await grant(['Encrypt'], { Name: 'retry-me' });
    expect(again.GrantId).to.equal(first.GrantId);
    expect(again.GrantToken).to.not.equal(first.GrantToken);
    await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [first.GrantToken!, again.GrantToken!] }));
    const other = await grant(['Decrypt'], { Name: 'retry-me' });
    expect(other.GrantId).to.not.equal(first.GrantId);
    expect((await world.kms().send(new ListGrantsCommand({ KeyId: keyId }))).Grants).to.have.length(2);
  });

  it('refuses operations the key kind does not support and constraints with too many pairs (ValidationException)', async () => {
    await expectFailure(grant(['Sign']), 'ValidationException', /Sign are not valid for a SYMMETRIC_DEFAULT key/);
    await expectFailure(grant(['GenerateMac', 'Encrypt']), 'ValidationException', /GenerateMac/);
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']));
    await expectFailure(grant(['Encrypt'], { Constraints: { EncryptionContextEquals: nine } }), 'ValidationException', /at most 8/);
  });

  it('lists retirable grants by RetiringPrincipal and retires by token or by KeyId and GrantId', async () => {
    const byToken = await grant();
    const byId = await grant();
    await world.kms().send(new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: APP, Operations: ['Encrypt'] }));
    const retirable = await world.kms().send(new ListRetirableGrantsCommand({ RetiringPrincipal: RETIRER }));
    expect(retirable.Grants!.map((g) => g.GrantId).sort()).to.deep.equal([byToken.GrantId, byId.GrantId].sort());
    await world.kms().send(new RetireGrantCommand({ GrantToken: byToken.GrantToken }));
    await world.kms().send(new RetireGrantCommand({ KeyId: keyId, GrantId: byId.GrantId }));
    expect((await world.kms().send(new ListRetirableGrantsCommand({ RetiringPrincipal: RETIRER }))).Grants).to.deep.equal([]);
    await expectFailure(world.kms().send(new RetireGrantCommand({ GrantToken: byToken.GrantToken })), 'NotFoundException');
    await expectFailure(world.kms().send(new RetireGrantCommand({ GrantToken: '!!!' })), 'InvalidGrantTokenException');
    await expectFailure(world.kms().send(new RetireGrantCommand({ KeyId: keyId, GrantId: 'short' })), 'InvalidGrantIdException');
  });

  it('revokes a grant; an unknown grant is NotFoundException; DryRun changes nothing', async () => {
    const { GrantId } = await grant();
    await expectFailure(world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId, DryRun: true })), 'DryRunOperationException');
    await world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId }));
    await expectFailure(world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId })), 'NotFoundException');
    await expectFailure(world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId: 'x'.repeat(10) })), 'InvalidGrantIdException');
  });

  it('follows the key state: CreateGrant refused on Disabled (DisabledException) and PendingDeletion keys; listing, retiring and revoking always work', async () => {
    const kept = await grant();
    const retired = await grant();
    await world.kms().send(new DisableKeyCommand({ KeyId: keyId }));
    await expectFailure(grant(), 'DisabledException', /is disabled\.$/);
    await world.kms().send(new EnableKeyCommand({ KeyId: keyId }));
    await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await expectFailure(grant(), 'KMSInvalidStateException', /is pending deletion\.$/);
    expect((await world.kms().send(new ListGrantsCommand({ KeyId: keyId }))).Grants).to.have.length(2);
    await world.kms().send(new RetireGrantCommand({ GrantToken: retired.GrantToken }));
    await world.kms().send(new RevokeGrantCommand({ KeyId: keyId, GrantId: kept.GrantId }));
  });

  it('keeps grants and their tokens across a restart, and deletes them with the key', async () => {
    const { GrantId, GrantToken } = await grant(['Encrypt'], { RetiringPrincipal: RETIRER });
    await world.restart();
    expect((await world.kms().send(new ListGrantsCommand({ KeyId: keyId }))).Grants!.map((g) => g.GrantId)).to.deep.equal([GrantId]);
    await world.kms().send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken!] }));
    await world.kms().send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await world.advance(7 * DAY_SECONDS);
    expect((await world.kms().send(new ListRetirableGrantsCommand({ RetiringPrincipal: RETIRER }))).Grants).to.deep.equal([]);
    await expectFailure(world.kms().send(new ListGrantsCommand({ KeyId: keyId })), 'NotFoundException');
  });
});
