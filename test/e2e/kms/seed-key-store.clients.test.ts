// Issue acceptance, with unmodified clients: the aws CLI runs the seed's custom key store commands, a
// KMS key's material lives in every HSM labelled with its ARN, disconnecting makes it Unavailable;
// boto3 and the AWS SDK for JavaScript v3 use keys in the same store.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { DecryptCommand, EncryptCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { tlsClientOptions } from '../../../hsm-sim/node/certificates';
import { RpcClient } from '../../../hsm-sim/protocol';
import { buildActiveCluster, type ActiveCluster } from '../support/active-cluster';
import { AwsCli } from '../support/aws-cli';
import { SimulatorProcess } from '../support/simulator-process';
import { waitFor } from '../support/wait-for';

interface StoreEntry {
  CustomKeyStoreId: string;
  ConnectionState: string;
  ConnectionErrorCode?: string;
  TrustAnchorCertificate: string;
}

describe('e2e (aws CLI, boto3, SDK v3): the seed custom key store, connected, with keys in the HSMs', function () {
  this.timeout(180_000);
  let simulator: SimulatorProcess;
  let aws: AwsCli;
  let cluster: ActiveCluster;
  let storeId = '';
  let keyArn = '';

  before(async () => {
    simulator = await SimulatorProcess.start();
    aws = new AwsCli(simulator.endpoint);
    cluster = await buildActiveCluster(aws, simulator);
  });
  after(() => simulator?.destroy());

  const store = async (): Promise<StoreEntry> =>
    (await aws.json<{ CustomKeyStores: StoreEntry[] }>('kms', 'describe-custom-key-stores', '--custom-key-store-id', storeId)).CustomKeyStores[0]!;
  const inState = (state: string) => async () => ((await store()).ConnectionState === state ? true : undefined);
  const hsms = async (): Promise<{ Host: string; CryptoPort: number; ManagementPort: number }[]> =>
    ((await (await fetch(`${simulator.endpoint}/_sim/clusters/${cluster.clusterId}/hsms`)).json()) as { Hsms: { Host: string; CryptoPort: number; ManagementPort: number }[] }).Hsms;

  it('creates the store with the seed command and answers {"CustomKeyStoreId": "cks-..."}', async () => {
    const created = await aws.run('kms', 'create-custom-key-store', '--custom-key-store-name', 'ExampleKeyStore', '--cloud-hsm-cluster-id', cluster.clusterId,
      '--key-store-password', 'kmsPswd', '--trust-anchor-certificate', `file://${cluster.trustAnchorFile}`);
    expect(created.exitCode, created.stderr).to.equal(0);
    expect(Object.keys(created.json as object)).to.deep.equal(['CustomKeyStoreId']);
    storeId = (created.json as { CustomKeyStoreId: string }).CustomKeyStoreId;
    expect(storeId).to.match(/^cks-[0-9a-f]{17}$/);
    const described = await aws.run('kms', 'describe-custom-key-stores', '--custom-key-store-id', storeId);
    expect(described.stdout).to.not.contain('kmsPswd');
    expect((await store()).ConnectionState).to.equal('DISCONNECTED');
  });

  it('connects: CONNECTED, and kmsPswd no longer logs in as kmsuser (KMS rotated it)', async () => {
    expect((await aws.run('kms', 'connect-custom-key-store', '--custom-key-store-id', storeId)).exitCode).to.equal(0);
    await waitFor('CONNECTED', inState('CONNECTED'));
    const [first] = await hsms();
    const client = await RpcClient.connect({ host: first!.Host, port: first!.CryptoPort, tls: tlsClientOptions(readFileSync(cluster.trustAnchorFile, 'utf8')) });
    const refused = await client.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' }).then(() => 'logged in', (error: { code: string }) => error.code);
    await client.close();
    expect(refused).to.equal('CKR_PIN_INCORRECT');
  });

  it('creates a key in the store and round-trips Encrypt and Decrypt', async () => {
    const { KeyMetadata } = await aws.json<{ KeyMetadata: Record<string, unknown> }>('kms', 'create-key', '--origin', 'AWS_CLOUDHSM', '--custom-key-store-id', storeId, '--description', 'seed key');
    expect(KeyMetadata).to.include({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: storeId, CloudHsmClusterId: cluster.clusterId, KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT' });
    keyArn = KeyMetadata.Arn as string;
    const plaintext = randomBytes(64);
    writeFileSync(join(simulator.dataDir, 'plain.bin'), plaintext);
    const { CiphertextBlob } = await aws.json<{ CiphertextBlob: string }>('kms', 'encrypt', '--key-id', keyArn, '--plaintext', `fileb://${join(simulator.dataDir, 'plain.bin')}`, '--encryption-context', 'purpose=e2e');
    writeFileSync(join(simulator.dataDir, 'cipher.bin'), Buffer.from(CiphertextBlob, 'base64'));
    const decrypted = await aws.json<{ Plaintext: string; KeyId: string }>('kms', 'decrypt', '--ciphertext-blob', `fileb://${join(simulator.dataDir, 'cipher.bin')}`, '--encryption-context', 'purpose=e2e');
    expect(Buffer.from(decrypted.Plaintext, 'base64')).to.deep.equal(plaintext);
    expect(decrypted.KeyId).to.equal(keyArn);
    const wrongContext = await aws.run('kms', 'decrypt', '--ciphertext-blob', `fileb://${join(simulator.dataDir, 'cipher.bin')}`, '--encryption-context', 'purpose=other');
    expect(wrongContext.stderr).to.contain('InvalidCiphertextException');
  });

  it('disconnected: KMSInvalidStateException and KeyState Unavailable; reconnected: usable again', async () => {
    await aws.json('kms', 'disconnect-custom-key-store', '--custom-key-store-id', storeId);
    await waitFor('DISCONNECTED', inState('DISCONNECTED'));
    const refused = await aws.run('kms', 'encrypt', '--key-id', keyArn, '--plaintext', Buffer.from('x').toString('base64'));
    expect(refused.stderr).to.contain('KMSInvalidStateException').and.to.contain(`${keyArn} is unavailable`);
    expect((await aws.json<{ KeyMetadata: { KeyState: string } }>('kms', 'describe-key', '--key-id', keyArn)).KeyMetadata.KeyState).to.equal('Unavailable');
  });

  it('has the key material on every HSM, labelled with the key ARN (found the documented way)', async () => {
    // find-key-material: with the store disconnected, a CO sets a known kmsuser password, then kmsuser lists its keys.
    const changed = await cluster.cmu(['loginHSM CO admin Admin-pass1', 'changePswd CU kmsuser Known-pass1', 'y', 'quit']);
    expect(changed.stdout).to.contain('changePswd success on server 1');
    for (const hsm of await hsms()) {
      const client = await RpcClient.connect({ host: hsm.Host, port: hsm.CryptoPort, tls: tlsClientOptions(readFileSync(cluster.trustAnchorFile, 'utf8')) });
      await client.call('login', { role: 'CU', username: 'kmsuser', password: 'Known-pass1' });
      const found = await client.call<{ label: string; extractable: boolean }[]>('findKeys', { label: keyArn });
      expect(found, `key on ${hsm.Host}`).to.have.length(1);
      expect(found[0]).to.include({ label: keyArn, extractable: false });
      await client.close();
    }
    await aws.json('kms', 'update-custom-key-store', '--custom-key-store-id', storeId, '--key-store-password', 'Known-pass1');
    await aws.json('kms', 'connect-custom-key-store', '--custom-key-store-id', storeId);
    await waitFor('CONNECTED again', inState('CONNECTED'));
    expect((await aws.json<{ KeyMetadata: { KeyState: string } }>('kms', 'describe-key', '--key-id', keyArn)).KeyMetadata.KeyState).to.equal('Enabled');
    const again = await aws.json<{ CiphertextBlob: string }>('kms', 'encrypt', '--key-id', keyArn, '--plaintext', Buffer.from('back').toString('base64'));
    expect(again.CiphertextBlob).to.be.a('string');
  });

  it('serves boto3, unmodified: a key in the store, Encrypt/Decrypt, GenerateDataKey', async () => {
    const script = join(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'kms', 'boto3-round-trip.py');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const { stdout } = await promisify(execFile)('python3', [script, simulator.endpoint, 'us-east-2', storeId], { env });
    expect(JSON.parse(stdout)).to.deep.equal({
      origin: 'AWS_CLOUDHSM', store: storeId, plaintext: 'boto3 was here', keyId: true, dataKeyLength: 32, dataKeyRoundTrip: true, wrongContext: 'InvalidCiphertextException',
    });
  });

  it('serves the AWS SDK for JavaScript v3 (@aws-sdk/client-kms)', async () => {
    const kms = new KMSClient({ endpoint: simulator.endpoint, region: 'us-east-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    try {
      const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: storeId }));
      expect(KeyMetadata).to.include({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: storeId, KeyState: 'Enabled' });
      const sealed = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId!, Plaintext: Buffer.from('sdk v3'), EncryptionContext: { client: 'sdk-v3' } }));
      const opened = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob!, EncryptionContext: { client: 'sdk-v3' } }));
      expect(Buffer.from(opened.Plaintext!).toString()).to.equal('sdk v3');
      const tampered = Buffer.from(sealed.CiphertextBlob!);
      tampered[tampered.length - 1]! ^= 1;
      const refused = await kms.send(new DecryptCommand({ CiphertextBlob: tampered })).catch((error: unknown) => error);
      expect(refused).to.have.property('name', 'InvalidCiphertextException');
    } finally {
      kms.destroy();
    }
  });
});
