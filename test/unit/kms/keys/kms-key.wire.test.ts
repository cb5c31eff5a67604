// The handler map through the wire pipeline, without a socket: requests validated against the KMS model,
// answers written with its member names (blobs base64, dates epoch seconds), errors as __type + message.

import { expect } from 'chai';
import { kmsModel } from '../../../../src/wire/aws-models';
import { AdminRouter } from '../../../../src/wire/admin-router';
import { RequestAuthenticator } from '../../../../src/wire/request-authenticator';
import { RequestDispatcher } from '../../../../src/wire/request-dispatcher';
import { ServiceRegistry } from '../../../../src/wire/service-registry';
import { createKmsKeys, SCOPE, STORE_ID, type KmsKeys } from './kms-keys-fixture';

describe('KMS key handlers over the wire', () => {
  let kms: KmsKeys;
  let dispatcher: RequestDispatcher;
  let internalErrors: unknown[];

  beforeEach(() => {
    kms = createKmsKeys();
    const registry = new ServiceRegistry();
    registry.register(kmsModel, kms.handlers);
    internalErrors = [];
    dispatcher = new RequestDispatcher(registry, new AdminRouter(), new RequestAuthenticator({ defaultAccountId: SCOPE.accountId, defaultRegion: SCOPE.region }), (error) =>
      internalErrors.push(error),
    );
  });
  afterEach(() => {
    expect(internalErrors).to.deep.equal([]);
    kms.database.close();
  });

  async function call(operation: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> {
    const { response } = await dispatcher.dispatch(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { 'x-amz-target': `TrentService.${operation}`, 'content-type': 'application/x-amz-json-1.1' },
        body: Buffer.from(JSON.stringify(body)),
      },
      'request-1',
    );
    return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
  }

  it('serves every operation of the handler map from the KMS model', () => {
    for (const operation of Object.keys(kms.handlers)) expect(kmsModel.operation(operation), operation).to.not.equal(undefined);
  });

  it('creates a key in the store, encrypts and decrypts, with the model member names', async () => {
    const created = await call('CreateKey', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, Description: 'wire' });
    expect(created.status).to.equal(200);
    const metadata = created.body['KeyMetadata'] as Record<string, unknown>;
    expect(metadata).to.include({ AWSAccountId: SCOPE.accountId, Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID, KeyState: 'Enabled', Enabled: true, MultiRegion: false });
    expect(metadata['CreationDate']).to.equal(kms.clock.now().getTime() / 1000);
    expect(Object.keys(metadata).sort()).to.deep.equal(
      ['AWSAccountId', 'Arn', 'CloudHsmClusterId', 'CreationDate', 'CustomKeyStoreId', 'CustomerMasterKeySpec', 'Description', 'Enabled', 'EncryptionAlgorithms', 'KeyId', 'KeyManager', 'KeySpec', 'KeyState', 'KeyUsage', 'MultiRegion', 'Origin'].sort(),
    );

    const plaintext = Buffer.from('over the wire').toString('base64');
    const encrypted = await call('Encrypt', { KeyId: metadata['KeyId'], Plaintext: plaintext, EncryptionContext: { a: 'b' } });
    expect(encrypted.body).to.have.all.keys('CiphertextBlob', 'KeyId', 'EncryptionAlgorithm');
    const decrypted = await call('Decrypt', { CiphertextBlob: encrypted.body['CiphertextBlob'], EncryptionContext: { a: 'b' } });
    expect(decrypted.body).to.deep.equal({ KeyId: metadata['Arn'], Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });

    const scheduled = await call('ScheduleKeyDeletion', { KeyId: metadata['KeyId'], PendingWindowInDays: 7 });
    expect(scheduled.body).to.have.all.keys('KeyId', 'DeletionDate', 'KeyState', 'PendingWindowInDays');
  });

  it('answers AWS exceptions as __type and message with status 400', async () => {
    const noStore = await call('CreateKey', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: 'cks-00000000000000000' });
    expect(noStore.status).to.equal(400);
    expect(noStore.body['__type']).to.equal('CustomKeyStoreNotFoundException');
    const garbage = await call('Decrypt', { CiphertextBlob: Buffer.from('garbage').toString('base64') });
    expect(garbage).to.deep.include({ status: 400 });
    expect(garbage.body['__type']).to.equal('InvalidCiphertextException');
    const missing = await call('DescribeKey', { KeyId: 'alias/nothing' });
    expect(missing.body).to.deep.equal({ __type: 'NotFoundException', message: `Alias arn:aws:kms:${SCOPE.region}:${SCOPE.accountId}:alias/nothing is not found.` });
  });

  it('lists keys and aliases with Truncated and NextMarker', async () => {
    await call('CreateKey', {});
    const second = await call('CreateKey', {});
    await call('CreateAlias', { AliasName: 'alias/wire', TargetKeyId: (second.body['KeyMetadata'] as Record<string, string>)['KeyId'] });
    const keys = await call('ListKeys', { Limit: 1 });
    expect(keys.body).to.include({ Truncated: true, NextMarker: '1' });
    const aliases = await call('ListAliases', {});
    expect(aliases.body['Truncated']).to.equal(false);
    expect((aliases.body['Aliases'] as object[])[0]).to.have.all.keys('AliasName', 'AliasArn', 'TargetKeyId', 'CreationDate', 'LastUpdatedDate');
  });
});
