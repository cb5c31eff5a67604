// CreateAlias, UpdateAlias, DeleteAlias, ListAliases, and the alias names KMS refuses.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS aliases', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('names a key until it is pointed elsewhere or deleted', async () => {
    const first = await storeKey(kms);
    const second = await awsKmsKey(kms);
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/app', TargetKeyId: first.arn });
    const [created] = kms.aliases.listAliases(SCOPE, {}).Aliases;
    expect(created).to.deep.equal({
      AliasName: 'alias/app',
      AliasArn: 'arn:aws:kms:us-east-2:111122223333:alias/app',
      TargetKeyId: first.keyId,
      CreationDate: kms.clock.now(),
      LastUpdatedDate: kms.clock.now(),
    });
    expect(kms.query.describeKey(SCOPE, { KeyId: 'alias/app' }).KeyMetadata.KeyId).to.equal(first.keyId);

    await kms.clock.advance(60_000);
    kms.aliases.updateAlias(SCOPE, { AliasName: 'alias/app', TargetKeyId: second.keyId });
    const [updated] = kms.aliases.listAliases(SCOPE, {}).Aliases;
    expect(updated).to.include({ TargetKeyId: second.keyId });
    expect(updated!.LastUpdatedDate.getTime() - updated!.CreationDate.getTime()).to.equal(60_000);
    expect(kms.query.describeKey(SCOPE, { KeyId: 'arn:aws:kms:us-east-2:111122223333:alias/app' }).KeyMetadata.KeyId).to.equal(second.keyId);

    kms.aliases.deleteAlias(SCOPE, { AliasName: 'alias/app' });
    await expectAwsError(() => kms.query.describeKey(SCOPE, { KeyId: 'alias/app' }), 'NotFoundException', 'Alias arn:aws:kms:us-east-2:111122223333:alias/app is not found.');
    await expectAwsError(() => kms.aliases.deleteAlias(SCOPE, { AliasName: 'alias/app' }), 'NotFoundException');
    await expectAwsError(() => kms.aliases.updateAlias(SCOPE, { AliasName: 'alias/app', TargetKeyId: first.keyId }), 'NotFoundException');
  });

  it('lists the aliases of one key, and pages them', async () => {
    const mine = await storeKey(kms);
    const other = await storeKey(kms);
    for (const name of ['a', 'b', 'c']) kms.aliases.createAlias(SCOPE, { AliasName: `alias/${name}`, TargetKeyId: mine.keyId });
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/other', TargetKeyId: other.keyId });
    const first = kms.aliases.listAliases(SCOPE, { KeyId: mine.arn, Limit: 2 });
    expect(first.Aliases.map((alias) => alias.AliasName)).to.deep.equal(['alias/a', 'alias/b']);
    expect(first.Truncated).to.equal(true);
    const rest = kms.aliases.listAliases(SCOPE, { KeyId: mine.arn, Limit: 2, Marker: first.NextMarker! });
    expect(rest).to.deep.include({ Truncated: false });
    expect(rest.Aliases.map((alias) => alias.AliasName)).to.deep.equal(['alias/c']);
    expect(kms.aliases.listAliases({ ...SCOPE, region: 'eu-west-1' }, {}).Aliases).to.deep.equal([]);
  });

  it('refuses a name in use (AlreadyExistsException)', async () => {
    const { keyId } = await awsKmsKey(kms);
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/taken', TargetKeyId: keyId });
    await expectAwsError(
      () => kms.aliases.createAlias(SCOPE, { AliasName: 'alias/taken', TargetKeyId: keyId }),
      'AlreadyExistsException',
      'An alias with the name arn:aws:kms:us-east-2:111122223333:alias/taken already exists',
    );
  });

  it('refuses the names KMS refuses', async () => {
    const { keyId } = await awsKmsKey(kms);
    const create = (AliasName: string) => () => kms.aliases.createAlias(SCOPE, { AliasName, TargetKeyId: keyId });
    await expectAwsError(create('app'), 'ValidationException', 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
    await expectAwsError(create('alias/'), 'InvalidAliasNameException');
    await expectAwsError(create('alias/Service:Test'), 'ValidationException', 'alias/Service:Test contains invalid characters for an alias');
    await expectAwsError(create('alias/aws/s3'), 'NotAuthorizedException', /reserved for AWS managed keys/);
    await expectAwsError(() => kms.aliases.deleteAlias(SCOPE, { AliasName: 'alias/aws/ebs' }), 'NotAuthorizedException');
  });

  it('must point at a key: not an alias, not an unknown key, not a key pending deletion', async () => {
    const { keyId } = await awsKmsKey(kms);
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/first', TargetKeyId: keyId });
    await expectAwsError(() => kms.aliases.createAlias(SCOPE, { AliasName: 'alias/second', TargetKeyId: 'alias/first' }), 'ValidationException', 'Aliases must refer to keys. Not aliases');
    await expectAwsError(() => kms.aliases.createAlias(SCOPE, { AliasName: 'alias/second', TargetKeyId: '11111111-2222-4333-8444-555555555555' }), 'NotFoundException');
    const pending = createKmsKeys();
    try {
      const doomed = await awsKmsKey(pending);
      pending.deletion.scheduleKeyDeletion(SCOPE, { KeyId: doomed.keyId });
      await expectAwsError(() => pending.aliases.createAlias(SCOPE, { AliasName: 'alias/late', TargetKeyId: doomed.keyId }), 'KMSInvalidStateException', `${doomed.arn} is pending deletion.`);
    } finally {
      pending.database.close();
    }
  });

  it('is accepted only where AWS accepts aliases (not by EnableKey)', async () => {
    const { keyId } = await awsKmsKey(kms);
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/app', TargetKeyId: keyId });
    await expectAwsError(() => kms.lifecycle.enableKey(SCOPE, { KeyId: 'alias/app' }), 'NotFoundException', /EnableKey takes a key id or key ARN/);
  });
});
