// GenerateMac and VerifyMac over the wire (AWS SDK v3): each HMAC key spec's MAC has its hash's length,
// repeats for the same message, and VerifyMac accepts it; a createHmac MAC under another key is
// KMSInvalidMacException; AWS's refusals. (That the MAC equals createHmac over the sealed key:
// test/unit/kms/keys/key-spec-material.test.ts.)

import { createHmac, randomBytes } from 'node:crypto';
import { CreateKeyCommand, DisableKeyCommand, GenerateMacCommand, VerifyMacCommand, type MacAlgorithmSpec } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const MESSAGE = Buffer.from('a message to authenticate');

describe('GenerateMac and VerifyMac, over the wire', function () {
  this.timeout(60_000);
  let world: AsymmetricWorld;

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const bits of [224, 256, 384, 512] as const) {
    it(`HMAC_${bits}: an HMAC_SHA_${bits} of ${bits / 8} bytes that VerifyMac accepts and that repeats for the same message`, async () => {
      const keyId = await world.createKey(`HMAC_${bits}`, 'GENERATE_VERIFY_MAC');
      const algorithm = `HMAC_SHA_${bits}` as MacAlgorithmSpec;
      const { Mac, MacAlgorithm, KeyId } = await world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: algorithm }));
      expect(MacAlgorithm).to.equal(algorithm);
      expect(KeyId).to.match(new RegExp(`:key/${keyId}$`));
      expect(Mac!.length).to.equal(bits / 8);
      const again = await world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: algorithm }));
      expect(Buffer.from(again.Mac!).equals(Buffer.from(Mac!))).to.equal(true);
      const verified = await world.kms.send(new VerifyMacCommand({ KeyId: keyId, Message: MESSAGE, Mac: Mac!, MacAlgorithm: algorithm }));
      expect(verified).to.deep.include({ MacValid: true, MacAlgorithm: algorithm });

      const outsider = createHmac(`sha${bits}`, randomBytes(bits / 8)).update(MESSAGE).digest();
      const refused = await failure(world.kms.send(new VerifyMacCommand({ KeyId: keyId, Message: MESSAGE, Mac: outsider, MacAlgorithm: algorithm })));
      expect(refused).to.deep.include({ name: 'KMSInvalidMacException', status: 400 });
    });
  }

  it('different HMAC keys give different MACs for the same message', async () => {
    const macOf = async (keyId: string): Promise<Buffer> => Buffer.from((await world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }))).Mac!);
    const first = await world.createKey('HMAC_256', 'GENERATE_VERIFY_MAC');
    const second = await world.createKey('HMAC_256', 'GENERATE_VERIFY_MAC');
    expect((await macOf(first)).equals(await macOf(second))).to.equal(false);
  });

  it('a changed message is KMSInvalidMacException', async () => {
    const keyId = await world.createKey('HMAC_512', 'GENERATE_VERIFY_MAC');
    const { Mac } = await world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_512' }));
    const refused = await failure(world.kms.send(new VerifyMacCommand({ KeyId: keyId, Message: Buffer.from('another'), Mac: Mac!, MacAlgorithm: 'HMAC_SHA_512' })));
    expect(refused.name).to.equal('KMSInvalidMacException');
  });

  it('refuses the MacAlgorithm of another HMAC spec: InvalidKeyUsageException', async () => {
    const keyId = await world.createKey('HMAC_256', 'GENERATE_VERIFY_MAC');
    const refused = await failure(world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_384' })));
    expect(refused).to.deep.include({ name: 'InvalidKeyUsageException', message: 'Algorithm HMAC_SHA_384 is incompatible with key spec HMAC_256.' });
  });

  it('refuses a key that is not an HMAC key: InvalidKeyUsageException "<arn> key usage is ... which is not valid for GenerateMac."', async () => {
    const symmetric = (await world.kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    const refused = await failure(world.kms.send(new GenerateMacCommand({ KeyId: symmetric.KeyId!, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' })));
    expect(refused).to.deep.include({ name: 'InvalidKeyUsageException', message: `${symmetric.Arn!} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.` });
    const signing = await world.createKey('ECC_NIST_P256', 'SIGN_VERIFY');
    const verify = await failure(world.kms.send(new VerifyMacCommand({ KeyId: signing, Message: MESSAGE, Mac: Buffer.alloc(32), MacAlgorithm: 'HMAC_SHA_256' })));
    expect(verify.message).to.match(/key usage is SIGN_VERIFY which is not valid for VerifyMac\.$/);
  });

  it('a disabled HMAC key is DisabledException', async () => {
    const keyId = await world.createKey('HMAC_224', 'GENERATE_VERIFY_MAC');
    await world.kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect((await failure(world.kms.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_224' })))).name).to.equal('DisabledException');
  });
});
