// Keys of a store that is not CONNECTED show Unavailable (aws-behaviour 3.5); Enable/Disable made meanwhile
// are recorded and show once the store reconnects; PendingDeletion stays visible.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, STORE_ID, storeKey, type KmsKeys } from './kms-keys-fixture';

describe('KMS keys of a store that is not connected', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  const stateOf = (KeyId: string) => kms.query.describeKey(SCOPE, { KeyId }).KeyMetadata.KeyState;

  for (const connectionState of ['DISCONNECTED', 'CONNECTING', 'FAILED', 'DISCONNECTING']) {
    it(`are Unavailable while the store is ${connectionState}; crypto says "<key ARN> is unavailable."`, async () => {
      const { keyId, arn } = await storeKey(kms);
      const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('a') });
      kms.crypto.setConnectionState(STORE_ID, connectionState);
      expect(kms.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata).to.include({ KeyState: 'Unavailable', Enabled: false });
      await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('a') }), 'KMSInvalidStateException', `${arn} is unavailable.`);
      await expectAwsError(kms.cryptography.decrypt(SCOPE, { CiphertextBlob }), 'KMSInvalidStateException', `${arn} is unavailable.`);
    });
  }

  it('come back as they were on reconnect, with the Disable or Enable made while Unavailable', async () => {
    const enabled = await storeKey(kms);
    const disabled = await storeKey(kms);
    kms.lifecycle.disableKey(SCOPE, { KeyId: disabled.keyId });
    kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED');

    kms.lifecycle.disableKey(SCOPE, { KeyId: enabled.keyId });
    kms.lifecycle.enableKey(SCOPE, { KeyId: disabled.keyId });
    expect([stateOf(enabled.keyId), stateOf(disabled.keyId)]).to.deep.equal(['Unavailable', 'Unavailable']);

    kms.crypto.setConnectionState(STORE_ID, 'CONNECTED');
    expect([stateOf(enabled.keyId), stateOf(disabled.keyId)]).to.deep.equal(['Disabled', 'Enabled']);
    await kms.cryptography.encrypt(SCOPE, { KeyId: disabled.keyId, Plaintext: Buffer.from('a') });
  });

  it('stay PendingDeletion while disconnected; a cancelled key is Unavailable until reconnect, then Disabled', async () => {
    const { keyId } = await storeKey(kms);
    kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED');
    kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
    expect(stateOf(keyId)).to.equal('PendingDeletion');
    kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId });
    expect(stateOf(keyId)).to.equal('Unavailable');
    kms.crypto.setConnectionState(STORE_ID, 'CONNECTED');
    expect(stateOf(keyId)).to.equal('Disabled');
  });

  it('leave AWS_KMS keys alone', async () => {
    const { keyId } = await awsKmsKey(kms);
    kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED');
    expect(stateOf(keyId)).to.equal('Enabled');
    await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('a') });
  });

  it('stay Enabled while CONNECTED but the cluster is broken: crypto fails as the store service says (3.6)', async () => {
    const { keyId } = await storeKey(kms);
    kms.crypto.backingKeys.clear();
    expect(stateOf(keyId)).to.equal('Enabled');
    await expectAwsError(kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('a') }), 'KMSInvalidStateException', /cannot find the key material/);
  });
});
