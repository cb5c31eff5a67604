// Grant tokens in the GrantTokens member: a token CreateGrant returned is valid at once (also for a key of
// a CloudHSM key store); a malformed one, or one of a grant since revoked, is InvalidGrantTokenException.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

type Encrypt = (input: object, scope: typeof SCOPE) => Promise<{ CiphertextBlob: Buffer }>;

describe('KMS grant tokens', () => {
  let kms: KmsKeys;
  let encrypt: Encrypt;
  beforeEach(() => {
    kms = createKmsKeys();
    encrypt = kms.handlers.Encrypt as unknown as Encrypt;
  });
  afterEach(() => kms.database.close());

  it('accepts a token CreateGrant returned, at once, for a key of a CloudHSM key store', async () => {
    const { keyId } = await storeKey(kms);
    const { GrantToken } = kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt'] });
    const sealed = await encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken] }, SCOPE);
    expect(sealed.CiphertextBlob).to.be.instanceOf(Buffer);
  });

  it('refuses a malformed token and the token of a revoked grant with InvalidGrantTokenException', async () => {
    const { keyId } = await awsKmsKey(kms);
    await expectAwsError(() => encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: ['AQpAM2RhZ...'] }, SCOPE), 'InvalidGrantTokenException', /CreateGrant returned it/);
    const { GrantId, GrantToken } = kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt'] });
    kms.grants.revokeGrant(SCOPE, { KeyId: keyId, GrantId });
    await expectAwsError(() => encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [GrantToken] }, SCOPE), 'InvalidGrantTokenException', /retired or revoked/);
    const sealed = await encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [] }, SCOPE);
    expect(sealed.CiphertextBlob).to.be.instanceOf(Buffer);
  });
});
