// Keys of a CloudHSM key store take grants like any key, but refuse rotation (aws-behaviour 2.14, with the
// message AWS sends), imported material and replication.

import { expect } from 'chai';
import { createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

type Handler = (input: object, scope: typeof SCOPE) => unknown;

describe('KMS operations a key of a CloudHSM key store refuses', () => {
  let kms: KmsKeys;
  let keyId: string;
  let arn: string;
  const call = (operation: keyof KmsKeys['handlers'], input: object): Promise<unknown> => Promise.resolve().then(() => (kms.handlers[operation] as unknown as Handler)(input, SCOPE));

  beforeEach(async () => {
    kms = createKmsKeys();
    ({ keyId, arn } = await storeKey(kms));
  });
  afterEach(() => kms.database.close());

  for (const operation of ['EnableKeyRotation', 'DisableKeyRotation', 'GetKeyRotationStatus', 'RotateKeyOnDemand', 'ListKeyRotations'] as const) {
    it(`${operation}: UnsupportedOperationException "origin is AWS_CLOUDHSM which is not valid for this operation."`, async () => {
      await expectAwsError(call(operation, { KeyId: keyId }), 'UnsupportedOperationException', `${arn} origin is AWS_CLOUDHSM which is not valid for this operation.`);
    });
  }

  it('refuses GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial with UnsupportedOperationException', async () => {
    await expectAwsError(call('GetParametersForImport', { KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }), 'UnsupportedOperationException', /origin is AWS_CLOUDHSM/);
    await expectAwsError(call('ImportKeyMaterial', { KeyId: keyId, ImportToken: Buffer.alloc(33), EncryptedKeyMaterial: Buffer.alloc(256) }), 'UnsupportedOperationException', /origin is AWS_CLOUDHSM/);
    await expectAwsError(call('DeleteImportedKeyMaterial', { KeyId: keyId }), 'UnsupportedOperationException', /origin is AWS_CLOUDHSM/);
  });

  it('refuses ReplicateKey (not a multi-Region key) with UnsupportedOperationException', async () => {
    await expectAwsError(call('ReplicateKey', { KeyId: keyId, ReplicaRegion: 'eu-west-1' }), 'UnsupportedOperationException', /is not a multi-Region key/);
  });

  it('keeps grants for it while its store is disconnected', async () => {
    const { GrantId } = kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt', 'Decrypt'] });
    kms.crypto.setConnectionState('cks-1234567890abcdef0', 'DISCONNECTED');
    expect(kms.grants.listGrants(SCOPE, { KeyId: keyId }).Grants.map((grant) => grant.GrantId)).to.deep.equal([GrantId]);
    kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/other', Operations: ['DescribeKey'] });
    kms.grants.revokeGrant(SCOPE, { KeyId: keyId, GrantId });
    expect(kms.grants.listGrants(SCOPE, { KeyId: keyId }).Grants).to.have.length(1);
  });
});
