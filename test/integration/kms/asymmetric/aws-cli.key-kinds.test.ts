// The unmodified aws CLI (botocore) drives the new key kinds: create-key with --key-spec, sign and verify,
// get-public-key, generate-mac and verify-mac, generate-data-key-pair, and an AWS error as the CLI prints it.

import { expect } from 'chai';
import { cliJson, runAwsCli, type AwsCliRun } from '../../wire/aws-cli-runner';
import { AsymmetricWorld } from './asymmetric-world';

describe('asymmetric and HMAC keys through the real aws CLI', function () {
  this.timeout(120_000);
  let world: AsymmetricWorld;
  const kms = (...args: string[]): Promise<AwsCliRun> => runAwsCli(world.port, ['kms', ...args]);

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  it('create-key, sign, verify and get-public-key with an ECC_NIST_P256 key; openssl verifies the signature', async () => {
    const created = cliJson(await kms('create-key', '--key-spec', 'ECC_NIST_P256', '--key-usage', 'SIGN_VERIFY'));
    const keyId = (created['KeyMetadata'] as { KeyId: string }).KeyId;
    const message = world.file('msg.txt', 'signed through the aws CLI');
    const signed = cliJson(await kms('sign', '--key-id', keyId, '--message', `fileb://${message}`, '--message-type', 'RAW', '--signing-algorithm', 'ECDSA_SHA_256'));
    expect(signed['SigningAlgorithm']).to.equal('ECDSA_SHA_256');
    const signature = Buffer.from(signed['Signature'] as string, 'base64');
    const verified = cliJson(await kms('verify', '--key-id', keyId, '--message', `fileb://${message}`, '--signature', `fileb://${world.file('sig.bin', signature)}`, '--signing-algorithm', 'ECDSA_SHA_256'));
    expect(verified['SignatureValid']).to.equal(true);

    const publicKey = cliJson(await kms('get-public-key', '--key-id', keyId));
    expect(publicKey).to.deep.include({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ECDSA_SHA_256'] });
    const der = world.file('pub.der', Buffer.from(publicKey['PublicKey'] as string, 'base64'));
    const openssl = world.openssl(['dgst', '-sha256', '-verify', der, '-keyform', 'DER', '-signature', world.file('sig.bin', signature), message]);
    expect(openssl.output).to.contain('Verified OK');
  });

  it('generate-mac and verify-mac with an HMAC_256 key; a wrong MAC is KMSInvalidMacException as the CLI prints it', async () => {
    const keyId = (cliJson(await kms('create-key', '--key-spec', 'HMAC_256', '--key-usage', 'GENERATE_VERIFY_MAC'))['KeyMetadata'] as { KeyId: string }).KeyId;
    const message = world.file('msg.txt', 'mac me');
    const mac = cliJson(await kms('generate-mac', '--key-id', keyId, '--message', `fileb://${message}`, '--mac-algorithm', 'HMAC_SHA_256'));
    const macFile = world.file('mac.bin', Buffer.from(mac['Mac'] as string, 'base64'));
    expect(cliJson(await kms('verify-mac', '--key-id', keyId, '--message', `fileb://${message}`, '--mac', `fileb://${macFile}`, '--mac-algorithm', 'HMAC_SHA_256'))['MacValid']).to.equal(true);
    const wrong = await kms('verify-mac', '--key-id', keyId, '--message', `fileb://${message}`, '--mac', `fileb://${world.file('bad.bin', Buffer.alloc(32))}`, '--mac-algorithm', 'HMAC_SHA_256');
    expect(wrong.code).to.equal(255);
    expect(wrong.stderr).to.contain('An error occurred (KMSInvalidMacException) when calling the VerifyMac operation');
  });

  it('generate-data-key-pair under a symmetric key', async () => {
    const keyId = (cliJson(await kms('create-key'))['KeyMetadata'] as { KeyId: string }).KeyId;
    const pair = cliJson(await kms('generate-data-key-pair', '--key-id', keyId, '--key-pair-spec', 'RSA_2048'));
    expect(pair['KeyPairSpec']).to.equal('RSA_2048');
    const opened = world.openssl(['pkey', '-pubin', '-inform', 'DER', '-in', world.file('pub.der', Buffer.from(pair['PublicKey'] as string, 'base64')), '-noout', '-text']);
    expect(opened.output).to.contain('Public-Key: (2048 bit)');
  });
});
