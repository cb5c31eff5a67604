// A real CONNECTED custom key store (SoftHSM, HSM processes, TLS; the seed over the AWS SDK) and the key kinds:
// what AWS refuses for a key in a CloudHSM key store, and the AWS Encryption SDK for JavaScript with a KMS
// keyring whose generator is a store key and whose second key is an ordinary key.

import { CreateKeyCommand, DeriveSharedSecretCommand, GenerateDataKeyPairCommand, GenerateMacCommand, GetPublicKeyCommand, KMS, KMSClient, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { buildClient, CommitmentPolicy, getClient, KmsKeyringNode } from '@aws-crypto/client-node';
import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import { ControlPlane } from '../../../../src/main/control-plane';
import { loadSimulatorConfig } from '../../../../src/main/simulator-config';
import { CREDENTIALS, KMS_REGION } from '../../../../scripts/bench/kms-client';
import { seedConnectedStoreOverSdk } from '../../../../scripts/bench/seed-over-sdk';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';
import { failure } from './asymmetric-world';

const CONTEXT = { purpose: 'encryption sdk over the simulator' };

describe('Key kinds with a CONNECTED CloudHSM key store (real HSM processes)', function () {
  this.timeout(120_000);
  let dataDir: string;
  let plane: ControlPlane;
  let kms: KMSClient;
  let customKeyStoreId: string;
  let storeKeyArn: string;
  let ordinaryKeyArn: string;

  before(async () => {
    dataDir = createTempDir('kms-asym-store');
    plane = await ControlPlane.start(loadSimulatorConfig({ 'data-dir': dataDir, port: '0', 'time-scale': '0', 'hsm-ports': 'ephemeral', 'log-level': 'error' }, {}));
    ({ customKeyStoreId } = await seedConnectedStoreOverSdk(plane.url, () => undefined));
    kms = new KMSClient({ endpoint: plane.url, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 });
    storeKeyArn = (await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: customKeyStoreId }))).KeyMetadata!.Arn!;
    ordinaryKeyArn = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
  });
  after(async () => {
    kms?.destroy();
    await plane?.stop();
    removeTempDir(dataDir);
  });

  it('CreateKey of an asymmetric or HMAC key in the store is UnsupportedOperationException', async () => {
    const refused = await failure(kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: customKeyStoreId, KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })));
    expect(refused).to.deep.include({ name: 'UnsupportedOperationException', status: 400, message: 'An AWS CloudHSM key store holds only SYMMETRIC_DEFAULT keys, not KeySpec HMAC_256.' });
  });

  it('Sign, Verify, GenerateMac and DeriveSharedSecret with a store key are InvalidKeyUsageException (it is a symmetric encryption key)', async () => {
    const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' });
    const calls: [string, Promise<unknown>][] = [
      ['Sign', kms.send(new SignCommand({ KeyId: storeKeyArn, Message: Buffer.from('m'), SigningAlgorithm: 'ECDSA_SHA_256' }))],
      ['Verify', kms.send(new VerifyCommand({ KeyId: storeKeyArn, Message: Buffer.from('m'), Signature: Buffer.alloc(64), SigningAlgorithm: 'ECDSA_SHA_256' }))],
      ['GenerateMac', kms.send(new GenerateMacCommand({ KeyId: storeKeyArn, Message: Buffer.from('m'), MacAlgorithm: 'HMAC_SHA_256' }))],
      ['DeriveSharedSecret', kms.send(new DeriveSharedSecretCommand({ KeyId: storeKeyArn, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer }))],
    ];
    for (const [operation, call] of calls) {
      const refused = await failure(call);
      expect(refused, operation).to.deep.include({ name: 'InvalidKeyUsageException', status: 400, message: `${storeKeyArn} key usage is ENCRYPT_DECRYPT which is not valid for ${operation}.` });
    }
  });

  it('GetPublicKey with a store key is UnsupportedOperationException "<arn> is not an asymmetric key."', async () => {
    const refused = await failure(kms.send(new GetPublicKeyCommand({ KeyId: storeKeyArn })));
    expect(refused).to.deep.include({ name: 'UnsupportedOperationException', message: `${storeKeyArn} is not an asymmetric key.` });
  });

  it('GenerateDataKeyPair with a store key is UnsupportedOperationException (API_GenerateDataKeyPair: not a KMS key in a custom key store)', async () => {
    const refused = await failure(kms.send(new GenerateDataKeyPairCommand({ KeyId: storeKeyArn, KeyPairSpec: 'ECC_NIST_P256' })));
    expect(refused.name).to.equal('UnsupportedOperationException');
    const ordinary = await kms.send(new GenerateDataKeyPairCommand({ KeyId: ordinaryKeyArn, KeyPairSpec: 'ECC_NIST_P256' }));
    expect(ordinary.PrivateKeyCiphertextBlob!.length).to.be.greaterThan(100);
  });

  it('the AWS Encryption SDK: a KMS keyring with a store key as generator and an ordinary key encrypts; each key alone decrypts', async () => {
    const clientProvider = getClient(KMS, { endpoint: plane.url, credentials: CREDENTIALS, maxAttempts: 1 });
    const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
    const both = new KmsKeyringNode({ clientProvider, generatorKeyId: storeKeyArn, keyIds: [ordinaryKeyArn] });
    const plaintext = Buffer.from('protected by a key in the HSMs and by an ordinary KMS key');
    const { result, messageHeader } = await encrypt(both, plaintext, { encryptionContext: CONTEXT });
    expect(messageHeader.encryptedDataKeys.map((key) => key.providerInfo)).to.deep.equal([storeKeyArn, ordinaryKeyArn]);

    for (const keyArn of [storeKeyArn, ordinaryKeyArn]) {
      const alone = new KmsKeyringNode({ clientProvider, keyIds: [keyArn] });
      const { plaintext: opened, messageHeader: header } = await decrypt(alone, result);
      expect(Buffer.from(opened).equals(plaintext), keyArn).to.equal(true);
      expect(header.encryptionContext).to.deep.include(CONTEXT);
    }
    const { plaintext: viaBoth } = await decrypt(both, result);
    expect(Buffer.from(viaBoth).equals(plaintext)).to.equal(true);
  });
});
