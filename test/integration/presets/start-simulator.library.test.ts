// The library API as a test suite uses it: `startSimulator({ preset: 'seed' })` from the package's
// own name, a KMS Encrypt/Decrypt with the store's key through the AWS SDK v3, then stop(): no child
// process and no temporary directory left behind. Two simulators at once do not collide.

import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DecryptCommand, DescribeCustomKeyStoresCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { startSimulator, type RunningSimulator } from 'cloudhsm-sim';
import { childProcessIds } from '../../support/child-processes';

interface ClusterHsms {
  Hsms: { HsmId: string; Host: string; CryptoPort: number; ManagementPort: number }[];
}

async function encryptRoundTrip(sim: RunningSimulator): Promise<void> {
  const kms = sim.client(KMSClient);
  try {
    const plaintext = randomBytes(32);
    const encrypted = await kms.send(new EncryptCommand({ KeyId: sim.keyId, Plaintext: plaintext, EncryptionContext: { suite: 'library' } }));
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { suite: 'library' } }));
    expect(Buffer.from(decrypted.Plaintext!).equals(plaintext)).to.equal(true);
    expect(decrypted.KeyId).to.contain(sim.keyId);
  } finally {
    kms.destroy();
  }
}

async function hsmAddresses(sim: RunningSimulator): Promise<string[]> {
  const response = await fetch(`${sim.endpoint}/_sim/clusters/${sim.clusterId}/hsms`);
  const body = (await response.json()) as ClusterHsms;
  return body.Hsms.flatMap((hsm) => [`${hsm.Host}:${hsm.CryptoPort}`, `${hsm.Host}:${hsm.ManagementPort}`]);
}

describe('library: startSimulator({ preset: "seed" })', function () {
  this.timeout(120_000);
  const started: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.stop()));
  });

  it('resolves ready with the seed ids, encrypts with the store key over the SDK v3, and leaves nothing behind', async () => {
    const before = childProcessIds();
    const sim = await startSimulator({ preset: 'seed' });
    started.push(sim);
    expect(sim.endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.region).to.equal('us-east-1');
    expect(sim.clusterId).to.match(/^cluster-/);
    expect(sim.customKeyStoreId).to.match(/^cks-/);
    expect(sim.caFile).to.match(/fixtures\/pki\/customerCA\.crt$/);
    expect(sim.preset?.clusters[0]?.hsmIds).to.have.length(2);
    expect(sim.health().status).to.equal('ready');

    const kms = new KMSClient(sim.clientConfig);
    const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: sim.customKeyStoreId }));
    kms.destroy();
    expect(CustomKeyStores?.[0]?.ConnectionState).to.equal('CONNECTED');
    await encryptRoundTrip(sim);
    expect(childProcessIds().length).to.equal(before.length + 2);

    await sim.stop();
    expect(childProcessIds()).to.deep.equal(before);
    expect(existsSync(sim.dataDir)).to.equal(false);
  });

  it('runs two simulators in one process without sharing a port, an HSM address or a data directory', async () => {
    const before = childProcessIds();
    const [first, second] = await Promise.all([startSimulator({ preset: 'seed' }), startSimulator({ preset: 'seed' })]);
    started.push(first, second);
    expect(first.endpoint).to.not.equal(second.endpoint);
    expect(first.dataDir).to.not.equal(second.dataDir);
    const [firstHsms, secondHsms] = await Promise.all([hsmAddresses(first), hsmAddresses(second)]);
    expect(firstHsms.filter((address) => secondHsms.includes(address))).to.deep.equal([]);
    await Promise.all([encryptRoundTrip(first), encryptRoundTrip(second)]);

    await Promise.all([first.stop(), second.stop()]);
    expect(childProcessIds()).to.deep.equal(before);
    expect([existsSync(first.dataDir), existsSync(second.dataDir)]).to.deep.equal([false, false]);
  });
});
