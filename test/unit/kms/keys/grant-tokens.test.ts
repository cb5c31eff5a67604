// Grants are not simulated, so no grant token is valid: every operation that takes GrantTokens refuses
// them with InvalidGrantTokenException, and works without them.

import { expect } from 'chai';
import { awsKmsKey, createKmsKeys, expectAwsError, SCOPE, type KmsKeys } from './kms-keys-fixture';

describe('KMS grant tokens', () => {
  let kms: KmsKeys;
  beforeEach(() => (kms = createKmsKeys()));
  afterEach(() => kms.database.close());

  it('refuses a grant token with InvalidGrantTokenException, changing nothing', async () => {
    const { keyId } = await awsKmsKey(kms);
    const encrypt = kms.handlers.Encrypt as unknown as (input: object, scope: typeof SCOPE) => Promise<unknown>;
    await expectAwsError(() => encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: ['AQpAM2RhZ...'] }, SCOPE), 'InvalidGrantTokenException', /no grants/);
    const sealed = (await encrypt({ KeyId: keyId, Plaintext: Buffer.from('x'), GrantTokens: [] }, SCOPE)) as { CiphertextBlob: Buffer };
    expect(sealed.CiphertextBlob).to.be.instanceOf(Buffer);
  });
});
