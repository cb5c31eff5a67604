// A running simulator for fault tests: the control plane in this process on port 0, real HSM processes
// on SoftHSM with TLS, the seed's CONNECTED custom key store built over the AWS SDK, a key in it, and
// ciphertexts made before any fault - which must all decrypt once the fault is healed.

import { CloudHSMV2Client, DescribeClustersCommand, type Hsm } from '@aws-sdk/client-cloudhsm-v2';
import {
  ConnectCustomKeyStoreCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeCustomKeyStoresCommand,
  DisconnectCustomKeyStoreCommand,
  EncryptCommand,
  KMSClient,
  type CustomKeyStoresListEntry,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { ControlPlane } from '../../../src/main/control-plane';
import { loadSimulatorConfig } from '../../../src/main/simulator-config';
import { CREDENTIALS, KMS_REGION } from '../../../scripts/bench/kms-client';
import { seedConnectedStoreOverSdk } from '../../../scripts/bench/seed-over-sdk';
import { waitFor } from '../../e2e/support/wait-for';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

export interface FaultAnswer {
  readonly status: number;
  readonly body: { faultId?: string; message?: string; [field: string]: unknown };
}

export interface Sealed {
  readonly plaintext: string;
  readonly ciphertext: Uint8Array;
}

export class FaultWorld {
  private readonly sealed: Sealed[] = [];

  private constructor(
    private readonly plane: ControlPlane,
    private readonly dataDir: string,
    readonly kms: KMSClient,
    readonly cloudhsm: CloudHSMV2Client,
    readonly clusterId: string,
    readonly customKeyStoreId: string,
    readonly keyId: string,
  ) {}

  static async start(flags: Record<string, string> = {}): Promise<FaultWorld> {
    const dataDir = createTempDir('faults');
    const config = loadSimulatorConfig({ 'data-dir': dataDir, port: '0', 'time-scale': '0', 'hsm-ports': 'ephemeral', 'log-level': 'error', ...flags }, {});
    const plane = await ControlPlane.start(config);
    const { clusterId, customKeyStoreId } = await seedConnectedStoreOverSdk(plane.url, () => undefined);
    const options = { endpoint: plane.url, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 };
    const kms = new KMSClient(options);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: customKeyStoreId }));
    const world = new FaultWorld(plane, dataDir, kms, new CloudHSMV2Client(options), clusterId, customKeyStoreId, KeyMetadata!.KeyId!);
    for (let index = 0; index < 4; index += 1) await world.seal(`before the fault ${index}`);
    return world;
  }

  get endpoint(): string {
    return this.plane.url;
  }

  async stop(): Promise<void> {
    this.kms.destroy();
    this.cloudhsm.destroy();
    await this.plane.stop();
    removeTempDir(this.dataDir);
  }

  /** POST /_sim/faults, as a user's script would. */
  async addFault(body: Record<string, unknown>): Promise<FaultAnswer> {
    return this.admin('POST', '/_sim/faults', body);
  }

  async heal(faultId: string): Promise<FaultAnswer> {
    return this.admin('DELETE', `/_sim/faults/${faultId}`);
  }

  async admin(method: string, path: string, body?: unknown): Promise<FaultAnswer> {
    const response = await fetch(new URL(path, this.plane.url), { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    return { status: response.status, body: (await response.json()) as FaultAnswer['body'] };
  }

  /** Encrypts with the store's key and remembers the pair. */
  async seal(plaintext: string): Promise<Uint8Array> {
    const { CiphertextBlob } = await this.kms.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: Buffer.from(plaintext) }));
    this.sealed.push({ plaintext, ciphertext: CiphertextBlob! });
    return CiphertextBlob!;
  }

  /** Nothing was lost: every ciphertext made so far decrypts to its plaintext. */
  async expectEverythingDecrypts(): Promise<void> {
    for (const { plaintext, ciphertext } of this.sealed) {
      const { Plaintext } = await this.kms.send(new DecryptCommand({ CiphertextBlob: ciphertext }));
      expect(Buffer.from(Plaintext!).toString()).to.equal(plaintext);
    }
  }

  async hsms(): Promise<Hsm[]> {
    const { Clusters } = await this.cloudhsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [this.clusterId] } }));
    return Clusters![0]!.Hsms!;
  }

  async store(): Promise<CustomKeyStoresListEntry> {
    const { CustomKeyStores } = await this.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: this.customKeyStoreId }));
    return CustomKeyStores![0]!;
  }

  async waitForStore(state: string, timeoutMs = 30_000): Promise<CustomKeyStoresListEntry> {
    return waitFor(`store ${state}`, async () => {
      const store = await this.store();
      return store.ConnectionState === state ? store : undefined;
    }, timeoutMs, 50);
  }

  async disconnect(): Promise<void> {
    await this.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: this.customKeyStoreId }));
    await this.waitForStore('DISCONNECTED');
  }

  async connect(): Promise<void> {
    await this.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: this.customKeyStoreId }));
  }

  /** The AWS exception name a KMS call fails with, or 'ok'. */
  async outcome(call: () => Promise<unknown>): Promise<string> {
    try {
      await call();
      return 'ok';
    } catch (error) {
      return (error as Error).name;
    }
  }

  /** Milliseconds one Encrypt takes, from this client. */
  async timeEncrypt(): Promise<number> {
    const started = performance.now();
    await this.seal(`timed ${this.sealed.length}`);
    return performance.now() - started;
  }
}
