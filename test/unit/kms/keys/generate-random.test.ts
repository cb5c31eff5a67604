// GenerateRandom, from the simulator or, with CustomKeyStoreId, from a CONNECTED store's HSMs.

import { expect } from 'chai';
import { createKmsKeys, expectAwsError, SCOPE, STORE_ID, type KmsKeys } from './kms-keys-fixture';

describe('KMS GenerateRandom', () => {
  let kms: KmsKeys;

  beforeEach(() => {
    kms = createKmsKeys();
  });
  afterEach(() => kms.database.close());

  it('returns NumberOfBytes random bytes', async () => {
    const { Plaintext } = await kms.random.generateRandom(SCOPE, { NumberOfBytes: 1024 });
    expect(Plaintext.length).to.equal(1024);
    expect(kms.crypto.randomCalls).to.equal(0);
  });

  it('takes them from the HSMs of a CONNECTED store', async () => {
    const { Plaintext } = await kms.random.generateRandom(SCOPE, { NumberOfBytes: 16, CustomKeyStoreId: STORE_ID });
    expect(Plaintext.length).to.equal(16);
    expect(kms.crypto.randomCalls).to.equal(1);
  });

  it('refuses an unknown store and a store that is not CONNECTED', async () => {
    await expectAwsError(kms.random.generateRandom(SCOPE, { NumberOfBytes: 16, CustomKeyStoreId: 'cks-ffffffffffffffff0' }), 'CustomKeyStoreNotFoundException');
    kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED');
    await expectAwsError(kms.random.generateRandom(SCOPE, { NumberOfBytes: 16, CustomKeyStoreId: STORE_ID }), 'CustomKeyStoreInvalidStateException', /is DISCONNECTED; GenerateRandom needs it CONNECTED/);
  });

  it('needs NumberOfBytes', async () => {
    await expectAwsError(kms.random.generateRandom(SCOPE, {}), 'ValidationException', /'numberOfBytes'/);
  });
});
