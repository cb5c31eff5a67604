// The PendingImport column of the key state table: an EXTERNAL key without material allows what a Disabled
// key allows, refuses the rest as "pending import", and goes back to PendingImport when its deletion is
// cancelled.

import { expect } from 'chai';
import { createKmsKeys, expectAwsError, SCOPE, type KmsKeys } from './kms-keys-fixture';

describe('KMS keys in PendingImport', () => {
  let kms: KmsKeys;
  let keyId: string;
  let arn: string;

  beforeEach(async () => {
    kms = createKmsKeys();
    ({ KeyId: keyId, Arn: arn } = (await kms.creation.createKey(SCOPE, { Origin: 'EXTERNAL' })).KeyMetadata);
  });
  afterEach(() => kms.database.close());

  it('shows PendingImport, not Enabled, with no CurrentKeyMaterialId', () => {
    const { KeyMetadata } = kms.query.describeKey(SCOPE, { KeyId: keyId });
    expect(KeyMetadata).to.deep.include({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL' });
    expect(KeyMetadata).to.not.have.property('CurrentKeyMaterialId');
  });

  it('refuses EnableKey, DisableKey and cryptography with KMSInvalidStateException "is pending import."', async () => {
    expect(() => kms.lifecycle.enableKey(SCOPE, { KeyId: keyId })).to.throw(`${arn} is pending import.`);
    expect(() => kms.lifecycle.disableKey(SCOPE, { KeyId: keyId })).to.throw(`${arn} is pending import.`);
    await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('x') }), 'KMSInvalidStateException', `${arn} is pending import.`);
    await expectAwsError(kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, KeySpec: 'AES_256' }), 'KMSInvalidStateException', `${arn} is pending import.`);
  });

  it('allows grants, tags, aliases, descriptions and policies', () => {
    kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt'] });
    kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] });
    kms.aliases.createAlias(SCOPE, { AliasName: 'alias/imported', TargetKeyId: keyId });
    kms.lifecycle.updateKeyDescription(SCOPE, { KeyId: keyId, Description: 'waiting for material' });
    kms.policies.getKeyPolicy(SCOPE, { KeyId: keyId });
  });

  it('schedules deletion, and a cancelled deletion leaves it PendingImport', () => {
    kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId, PendingWindowInDays: 7 });
    expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingDeletion');
    kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
    expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata.KeyState).to.equal('PendingImport');
  });
});
