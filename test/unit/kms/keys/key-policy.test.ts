// GetKeyPolicy, PutKeyPolicy and ListKeyPolicies: the default key policy, stored and returned (not enforced).

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS key policies', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('gives a new key the default key policy, naming the account root', async () => {
    const { keyId } = await storeKey(kms);
    const { Policy, PolicyName } = kms.policies.getKeyPolicy(SCOPE, { KeyId: keyId });
    expect(PolicyName).to.equal('default');
    expect(JSON.parse(Policy)).to.deep.equal({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }],
    });
  });

  it('replaces the policy, and lists its one name', async () => {
    const { keyId } = await awsKmsKey(kms);
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] });
    kms.policies.putKeyPolicy(SCOPE, { KeyId: keyId, Policy, PolicyName: 'default' });
    expect(kms.policies.getKeyPolicy(SCOPE, { KeyId: keyId, PolicyName: 'default' }).Policy).to.equal(Policy);
    // SIM: not enforced.
    await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('x') });
    expect(kms.policies.listKeyPolicies(SCOPE, { KeyId: keyId })).to.deep.equal({ PolicyNames: ['default'], Truncated: false });
  });

  it('refuses a malformed policy, an oversized one, and a policy name other than default', async () => {
    const { keyId } = await awsKmsKey(kms);
    await expectAwsError(() => kms.policies.putKeyPolicy(SCOPE, { KeyId: keyId, Policy: '{' }), 'MalformedPolicyDocumentException', /not valid JSON/);
    await expectAwsError(() => kms.policies.putKeyPolicy(SCOPE, { KeyId: keyId, Policy: JSON.stringify({ Statement: ['x'.repeat(40_000)] }) }), 'LimitExceededException');
    await expectAwsError(() => kms.policies.getKeyPolicy(SCOPE, { KeyId: keyId, PolicyName: 'custom' }), 'NotFoundException', /one key policy, named default/);
  });
});
