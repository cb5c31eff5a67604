// The real side of the model test: a whole simulator in this process (seed preset, in-memory engine,
// time scale 0), driven over the wire with the AWS SDK, and observed: the store and its keys as KMS
// describes them, the cluster's HSMs, the backing keys each HSM holds for kmsuser (read as the CO over the
// management port), and the kmsuser sessions KMS holds for the store.

import { CloudHSMV2Client, CreateHsmCommand, DeleteHsmCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import {
  CancelKeyDeletionCommand,
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  DeleteCustomKeyStoreCommand,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EnableKeyCommand,
  EncryptCommand,
  KMSClient,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
  UpdateCustomKeyStoreCommand,
} from '@aws-sdk/client-kms';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { tlsClientOptions } from '../../../hsm-sim/node/certificates';
import { RpcClient } from '../../../hsm-sim/protocol';
import { KeyStoreSessions } from '../../../src/kms/custom-key-stores/key-store-sessions';
import { ControlPlane } from '../../../src/main/control-plane';
import { warmUpForPreset } from '../../../src/main/preset-warm-up';
import { DEFAULT_ACCOUNT_ID, type SimulatorConfig } from '../../../src/main/simulator-config';
import { loadPresetFile } from '../../../src/presets/preset-file.loader';
import type { BatchCall, Outcome } from './key-store.model';

export const STORE_PASSWORD = 'kmsPswd';
const CO = { role: 'CO', username: 'admin', password: 'Admin-pass1' } as const;
const SETTLE_TIMEOUT_MS = 20_000;

export interface ObservedStore {
  readonly id: string;
  readonly state: string;
  readonly name: string;
}

export interface ObservedHsm {
  readonly id: string;
  readonly az: string;
  readonly state: string;
}

/** What a call answered: 'ok' (with the new key's id for CreateKey) or the exception's name; a 5xx is recorded as such. */
export interface Answer {
  readonly outcome: Outcome;
  /** The new KMS key's id (CreateKey) or the new HSM's (CreateHsm). */
  readonly keyId?: string;
  readonly serverError?: string;
}

async function answer(call: () => Promise<unknown>): Promise<Answer> {
  try {
    const output = (await call()) as { KeyMetadata?: { KeyId?: string }; Hsm?: { HsmId?: string } } | undefined;
    const id = output?.KeyMetadata?.KeyId ?? output?.Hsm?.HsmId;
    return { outcome: 'ok', ...(id ? { keyId: id } : {}) };
  } catch (error) {
    const failure = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    const status = failure.$metadata?.httpStatusCode ?? 0;
    return { outcome: failure.name, ...(status >= 500 || status === 0 ? { serverError: `${status} ${failure.name}: ${failure.message}` } : {}) };
  }
}

export class KeyStoreDriver {
  private readonly coClients = new Map<string, Promise<{ client: RpcClient; kmsUserId: number }>>();
  private names = 0;

  private constructor(
    private readonly plane: ControlPlane,
    private readonly dataDir: string,
    readonly clusterId: string,
    readonly zones: readonly string[],
    private readonly trustAnchorPem: string,
    private readonly kms: KMSClient,
    private readonly cloudHsm: CloudHSMV2Client,
  ) {}

  static async start(): Promise<KeyStoreDriver> {
    const dataDir = mkdtempSync(join('/dev/shm', 'cloudhsm-sim-model-'));
    const config: SimulatorConfig = {
      dataDir,
      host: '127.0.0.1',
      port: 0,
      timeScale: 0,
      region: 'us-east-1',
      engine: 'in-memory',
      logLevel: 'warn',
      hsmPorts: 'ephemeral',
      accountId: DEFAULT_ACCOUNT_ID,
      keyStoreRequestRate: 0,
      faultLayer: true,
      preset: 'seed',
    };
    const loaded = await loadPresetFile('seed');
    await warmUpForPreset(loaded, dataDir);
    const plane = await ControlPlane.start(config);
    const result = await plane.applyPreset(loaded);
    const cluster = result.clusters[0]!;
    const clientConfig = { endpoint: plane.url, region: config.region, credentials: { accessKeyId: 'model', secretAccessKey: 'model' }, maxAttempts: 1 };
    const cloudHsm = new CloudHSMV2Client(clientConfig);
    const described = await cloudHsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [cluster.clusterId] } }));
    const zones = Object.keys(described.Clusters![0]!.SubnetMapping ?? {}).sort();
    return new KeyStoreDriver(plane, dataDir, cluster.clusterId, zones, readFileSync(cluster.caFile, 'utf8'), new KMSClient(clientConfig), cloudHsm);
  }

  async stop(): Promise<void> {
    for (const pending of this.coClients.values()) await pending.then(({ client }) => client.close()).catch(() => undefined);
    this.kms.destroy();
    this.cloudHsm.destroy();
    await this.plane.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Runs one call of a batch (the batch runs them with Promise.all). */
  run(call: BatchCall, storeId: string | undefined): Promise<Answer> {
    const CustomKeyStoreId = storeId ?? 'cks-0000000000000000';
    switch (call.kind) {
      case 'Connect':
        return answer(() => this.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId })));
      case 'Disconnect':
        return answer(() => this.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId })));
      case 'UpdateName':
        return answer(() => this.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId, NewCustomKeyStoreName: call.name })));
      case 'UpdatePassword':
        return answer(() => this.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId, KeyStorePassword: STORE_PASSWORD })));
      case 'DeleteStore':
        return answer(() => this.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId })));
      case 'CreateKey':
        return answer(() => this.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId })));
      case 'ScheduleDeletion':
        return answer(() => this.kms.send(new ScheduleKeyDeletionCommand({ KeyId: call.keyId, PendingWindowInDays: 7 })));
      case 'CancelDeletion':
        return answer(() => this.kms.send(new CancelKeyDeletionCommand({ KeyId: call.keyId })));
      case 'EnableKey':
        return answer(() => this.kms.send(new EnableKeyCommand({ KeyId: call.keyId })));
      case 'DisableKey':
        return answer(() => this.kms.send(new DisableKeyCommand({ KeyId: call.keyId })));
      case 'Encrypt':
        return answer(() => this.kms.send(new EncryptCommand({ KeyId: call.keyId, Plaintext: Buffer.from('model') })));
    }
  }

  async createStore(): Promise<Answer & { storeId?: string }> {
    this.names += 1;
    let storeId: string | undefined;
    const result = await answer(async () => {
      storeId = (
        await this.kms.send(
          new CreateCustomKeyStoreCommand({ CustomKeyStoreName: `model-store-${this.names}`, CloudHsmClusterId: this.clusterId, TrustAnchorCertificate: this.trustAnchorPem, KeyStorePassword: STORE_PASSWORD }),
        )
      ).CustomKeyStoreId;
    });
    return { ...result, ...(storeId ? { storeId } : {}) };
  }

  createHsm(az: string): Promise<Answer> {
    return answer(() => this.cloudHsm.send(new CreateHsmCommand({ ClusterId: this.clusterId, AvailabilityZone: az })));
  }

  deleteHsm(hsmId: string): Promise<Answer> {
    return answer(() => this.cloudHsm.send(new DeleteHsmCommand({ ClusterId: this.clusterId, HsmId: hsmId })));
  }

  /** POST /_sim/clock/advance past every 7-day waiting period. */
  async advanceClock(days: number): Promise<void> {
    const response = await fetch(`${this.plane.url}/_sim/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds: days * 86_400 }) });
    if (response.status !== 200) throw new Error(`clock advance: ${response.status} ${await response.text()}`);
  }

  async stores(): Promise<ObservedStore[]> {
    const { CustomKeyStores } = await this.kms.send(new DescribeCustomKeyStoresCommand({}));
    return (CustomKeyStores ?? [])
      .filter((store) => store.CloudHsmClusterId === this.clusterId)
      .map((store) => ({ id: store.CustomKeyStoreId!, state: store.ConnectionState!, name: store.CustomKeyStoreName! }));
  }

  async hsms(): Promise<ObservedHsm[]> {
    const { Clusters } = await this.cloudHsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [this.clusterId] } }));
    return (Clusters?.[0]?.Hsms ?? []).map((hsm) => ({ id: hsm.HsmId!, az: hsm.AvailabilityZone!, state: hsm.State! }));
  }

  /** Waits until no connection or HSM is in transition. */
  async settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const [stores, hsms] = await Promise.all([this.stores(), this.hsms()]);
      const moving = stores.some((store) => store.state === 'CONNECTING' || store.state === 'DISCONNECTING') || hsms.some((hsm) => hsm.state.endsWith('_IN_PROGRESS'));
      if (!moving) return;
      if (Date.now() > deadline) throw new Error(`still in transition after ${SETTLE_TIMEOUT_MS} ms: ${JSON.stringify({ stores, hsms })}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The ids of the KMS keys in a store (ListKeys, then DescribeKey each). */
  async keysOfStore(storeId: string): Promise<string[]> {
    const { Keys } = await this.kms.send(new ListKeysCommand({ Limit: 1000 }));
    const described = await Promise.all((Keys ?? []).map((key) => this.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))));
    return described.filter(({ KeyMetadata }) => KeyMetadata?.CustomKeyStoreId === storeId).map(({ KeyMetadata }) => KeyMetadata!.KeyId!);
  }

  /** DescribeKey's KeyState, or the exception's name. */
  async keyState(keyId: string): Promise<string> {
    try {
      const { KeyMetadata } = await this.kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      return KeyMetadata!.KeyState!;
    } catch (error) {
      return (error as Error).name;
    }
  }

  /** How many token keys kmsuser owns on each ACTIVE HSM, by HSM id. */
  async backingKeys(): Promise<Record<string, number>> {
    const active = (await this.hsms()).filter((hsm) => hsm.state === 'ACTIVE');
    for (const hsmId of this.coClients.keys()) if (!active.some((hsm) => hsm.id === hsmId)) this.forget(hsmId);
    const counts = await Promise.all(
      active.map(async (hsm) => {
        const { client, kmsUserId } = await this.co(hsm.id);
        const { keys } = await client.call<{ keys: unknown[] }>('findAllKeys', { userId: kmsUserId, withHash: false });
        return [hsm.id, keys.length] as const;
      }),
    );
    return Object.fromEntries(counts);
  }

  /** What an operator does before telling KMS a password (4.3): the CO sets kmsuser's on every HSM. */
  async resetKmsUserPassword(): Promise<void> {
    const active = (await this.hsms()).filter((hsm) => hsm.state === 'ACTIVE');
    await Promise.all(
      active.map(async (hsm) => {
        const { client } = await this.co(hsm.id);
        await client.call('changePassword', { role: 'CU', username: 'kmsuser', password: STORE_PASSWORD });
      }),
    );
  }

  /** The HSM ids of the kmsuser sessions KMS holds open for a store. */
  kmsUserSessions(storeId: string): string[] {
    const container = (this.plane as unknown as { container: DependencyContainer }).container;
    return container.resolve(KeyStoreSessions).openSessions(storeId).map((session) => session.hsmId);
  }

  private forget(hsmId: string): void {
    void this.coClients.get(hsmId)?.then(({ client }) => client.close()).catch(() => undefined);
    this.coClients.delete(hsmId);
  }

  private co(hsmId: string): Promise<{ client: RpcClient; kmsUserId: number }> {
    let found = this.coClients.get(hsmId);
    if (found === undefined) {
      found = (async () => {
        const response = await fetch(`${this.plane.url}/_sim/clusters/${this.clusterId}/hsms`);
        const { Hsms } = (await response.json()) as { Hsms: Array<{ HsmId: string; Host: string; ManagementPort: number }> };
        const address = Hsms.find((hsm) => hsm.HsmId === hsmId)!;
        const client = await RpcClient.connect({ host: address.Host, port: address.ManagementPort, tls: tlsClientOptions(this.trustAnchorPem) });
        await client.call('login', CO);
        const users = await client.call<Array<{ id: number; username: string }>>('listUsers');
        return { client, kmsUserId: users.find((user) => user.username === 'kmsuser')!.id };
      })();
      found.catch(() => this.coClients.delete(hsmId));
      this.coClients.set(hsmId, found);
    }
    return found;
  }
}
