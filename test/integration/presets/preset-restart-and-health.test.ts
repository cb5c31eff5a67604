// Applying a preset to a data directory that already holds it is a no-op that reports the same ids,
// and the keys still work; while a preset is being applied the endpoint answers and /_sim/health says
// "starting", then "ready".

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectCustomKeyStoreCommand, DecryptCommand, DescribeCustomKeyStoresCommand, DisconnectCustomKeyStoreCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { startSimulator } from '../../../src/index';
import { ControlPlane } from '../../../src/main/control-plane';
import { loadSimulatorConfig } from '../../../src/main/simulator-config';
import { loadPresetFile, SHIPPED_PRESETS_DIR } from '../../../src/presets/preset-file.loader';
import { childProcessIds } from '../../support/child-processes';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

interface Health {
  status: string;
  hsms: Record<string, string>;
  preset?: { name: string; phase: string };
}

async function health(endpoint: string): Promise<Health> {
  const response = await fetch(`${endpoint}/_sim/health`);
  expect(response.status).to.equal(200);
  return (await response.json()) as Health;
}

async function waitForState(kms: KMSClient, storeId: string, state: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: storeId }));
    if (CustomKeyStores?.[0]?.ConnectionState === state) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect.fail(`custom key store ${storeId} did not become ${state}`);
}

describe('presets: restart and readiness', function () {
  this.timeout(120_000);
  let dataDir = '';
  beforeEach(() => (dataDir = createTempDir('preset-restart')));
  afterEach(() => removeTempDir(dataDir));

  it('reports the same ids on a restart over the same data directory, creates nothing, and decrypts what was encrypted before', async () => {
    const first = await startSimulator({ preset: 'seed', dataDir });
    const plaintext = randomBytes(24);
    let ciphertext: Uint8Array | undefined;
    try {
      expect(first.preset?.alreadyApplied).to.equal(false);
      const kms = first.client(KMSClient);
      ciphertext = (await kms.send(new EncryptCommand({ KeyId: 'alias/seed-key', Plaintext: plaintext }))).CiphertextBlob;
      kms.destroy();
    } finally {
      await first.stop();
    }

    const second = await startSimulator({ preset: 'seed', dataDir });
    try {
      expect(second.preset?.alreadyApplied).to.equal(true);
      expect({ cluster: second.clusterId, store: second.customKeyStoreId, key: second.keyId }).to.deep.equal({ cluster: first.clusterId, store: first.customKeyStoreId, key: first.keyId });
      expect(second.preset?.clusters[0]?.hsmIds).to.deep.equal(first.preset?.clusters[0]?.hsmIds);
      expect(second.preset?.customKeyStores[0]?.connectionState).to.equal('CONNECTED');
      const kms = second.client(KMSClient);
      const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: ciphertext }));
      kms.destroy();
      expect(Buffer.from(decrypted.Plaintext!).equals(plaintext)).to.equal(true);
    } finally {
      await second.stop();
    }
  });

  it('starts again over a store left FAILED (the user\'s to reconnect), reporting it FAILED instead of refusing to start', async () => {
    const first = await startSimulator({ preset: 'seed', dataDir });
    const storeId = first.customKeyStoreId!;
    try {
      const kms = first.client(KMSClient);
      await kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: storeId }));
      await waitForState(kms, storeId, 'DISCONNECTED');
      const drift = await fetch(`${first.endpoint}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'kmsuser-password-drift', target: { clusterId: first.clusterId } }),
      });
      expect(drift.status).to.equal(201);
      await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: storeId }));
      await waitForState(kms, storeId, 'FAILED');
      kms.destroy();
    } finally {
      await first.stop();
    }

    const second = await startSimulator({ preset: 'seed', dataDir });
    try {
      expect(second.preset?.alreadyApplied).to.equal(true);
      expect(second.preset?.customKeyStores[0]?.connectionState).to.equal('FAILED');
    } finally {
      await second.stop();
    }
  });

  it('refuses a zone without a subnet before creating anything, and leaves the data directory usable', async () => {
    const seed = JSON.parse(readFileSync(join(SHIPPED_PRESETS_DIR, 'seed.json'), 'utf8')) as { clusters: { hsmsPerZone: object; trustAnchor: object }[] };
    seed.clusters[0]!.hsmsPerZone = { a: 1, d: 1 };
    seed.clusters[0]!.trustAnchor = { certificate: join(SHIPPED_PRESETS_DIR, '..', 'pki', 'customerCA.crt'), privateKey: join(SHIPPED_PRESETS_DIR, '..', 'pki', 'customerCA.key') };
    const file = join(dataDir, 'zone-d.json');
    writeFileSync(file, JSON.stringify(seed));
    const before = childProcessIds();
    try {
      await startSimulator({ preset: file, dataDir });
      expect.fail('the preset was applied');
    } catch (error) {
      expect((error as Error).message).to.equal(`preset ${file}: clusters.cluster.hsmsPerZone: there is no subnet in us-east-1d; the default subnets are in us-east-1a, us-east-1b, us-east-1c`);
    }
    expect(childProcessIds()).to.deep.equal(before);
    const sim = await startSimulator({ preset: 'seed', dataDir });
    try {
      expect(sim.preset?.alreadyApplied).to.equal(false);
    } finally {
      await sim.stop();
    }
  });

  it('answers /_sim/health "starting" while the preset is applied, then "ready" with both HSM processes running', async () => {
    const config = { ...loadSimulatorConfig({ port: '0', 'data-dir': dataDir, 'time-scale': '0', 'hsm-ports': 'ephemeral', 'log-level': 'warn' }, {}) };
    const plane = await ControlPlane.start(config);
    try {
      const applying = plane.applyPreset(await loadPresetFile('seed'));
      const during = await health(plane.url);
      expect(during).to.deep.include({ status: 'starting', preset: { name: 'seed', phase: 'applying' } });
      await applying;
      const after = await health(plane.url);
      expect(after.status).to.equal('ready');
      expect(Object.values(after.hsms)).to.deep.equal(['running', 'running']);
    } finally {
      await plane.stop();
    }
  });
});
