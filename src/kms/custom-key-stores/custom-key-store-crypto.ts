// KeyStoreCrypto over the live kmsuser sessions: what KMS keys do inside the cluster (aws-behaviour 2.7,
// 2.9, 2.10, 4). While the store is CONNECTED, work fails over between HSMs; what fails when none is left
// is what AWS documents for each operation (3.6).

import { inject, injectable } from 'tsyringe';
import { HSM_BUSY_CODE } from '../../../hsm-sim/faults/node-fault.types';
import { NodeError } from '../../../hsm-sim/node/node.types';
import type { AwsException } from '../../shared/aws-exception';
import type { Clock } from '../../shared/clock';
import { Tokens } from '../../shared/injection-tokens';
import { pooledRandomBytes } from '../../shared/pooled-random-bytes';
import {
  CloudHsmClusterInvalidConfigurationException,
  CustomKeyStoreInvalidStateException,
  CustomKeyStoreNotFoundException,
  DependencyTimeoutException,
  InvalidCiphertextException,
  KeyUnavailableException,
  KMSInternalException,
  KMSInvalidStateException,
  LimitExceededException,
  ThrottlingException,
} from '../kms.errors';
import type { BackingKey, KeyStoreCrypto, SealedData } from '../ports/key-store-crypto.port';
import { ClusterPrerequisites } from './cluster-prerequisites';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { CustomKeyStoreRecord } from './domain/custom-key-store';
import { ConnectionState, KeyStoreOperation, storeAllows } from './domain/custom-key-store.states';
import { invalidStateMessage } from './domain/invalid-state';
import { KeyStoreSessions, NoReachableHsmError } from './key-store-sessions';
import { StoreRequestRate } from './store-request-rate';
import type { KmsUserSession } from './kmsuser-session';
import type { ClusterDirectory } from './ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';

/** 4.2: AES-GCM with a 12-byte IV. */
const IV_BYTES = 12;

type Raise = new (message: string) => AwsException;

/** How an HSM's answer to a key operation reaches the caller; anything not named is a KMSInternalException. */
const KEY_OPERATION_FAILURES: Readonly<Record<string, Raise>> = {
  // 3.6: the backing key was deleted from the cluster (or the HSM was restored from a backup without it).
  CKR_OBJECT_HANDLE_INVALID: KMSInvalidStateException,
  CKR_KEY_ACCESS_DENIED: KMSInvalidStateException,
  // A tampered ciphertext or another encryption context: the GCM tag does not verify.
  CKR_ENCRYPTED_DATA_INVALID: InvalidCiphertextException,
  CKR_ENCRYPTED_DATA_LEN_RANGE: InvalidCiphertextException,
  // 2.7: a new key must reach a second HSM (key-availability quorum).
  CKR_KEY_AVAILABILITY_QUORUM_NOT_MET: CloudHsmClusterInvalidConfigurationException,
  // SIM (open question 22): a cluster that holds its 3,300 keys (8.2) refuses another; CreateKey's error list offers LimitExceededException.
  CKR_QUOTA_EXCEEDED: LimitExceededException,
  // requests-per-second: "the CloudHSM cluster ... is busy" (cluster load unrelated to KMS) -> ThrottlingException.
  [HSM_BUSY_CODE]: ThrottlingException,
};

@injectable()
export class CustomKeyStoreCrypto implements KeyStoreCrypto {
  constructor(
    @inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository,
    @inject(CustomKeyStoreTokens.ClusterDirectory) private readonly directory: ClusterDirectory,
    @inject(ClusterPrerequisites) private readonly prerequisites: ClusterPrerequisites,
    @inject(KeyStoreSessions) private readonly sessions: KeyStoreSessions,
    @inject(Tokens.Clock) clock: Clock,
    @inject(CustomKeyStoreTokens.RequestRateLimit) requestsPerSecond: number,
  ) {
    this.rate = new StoreRequestRate(clock, requestsPerSecond);
  }

  private readonly rate: StoreRequestRate;

  async generateBackingKey(customKeyStoreId: string, keyArn: string): Promise<BackingKey> {
    const store = this.usable(customKeyStoreId, KeyStoreOperation.CREATE_KEY, CustomKeyStoreInvalidStateException);
    // 2.7: CreateKey needs two ACTIVE HSMs in different Availability Zones.
    const cluster = this.directory.cluster(store.accountId, store.region, store.cloudHsmClusterId);
    if (!cluster) {
      throw new CloudHsmClusterInvalidConfigurationException(
        `Cluster ${store.cloudHsmClusterId} of custom key store ${customKeyStoreId} no longer exists. Create a cluster from its latest backup, then disconnect the store and give it the new cluster (UpdateCustomKeyStore).`,
      );
    }
    this.prerequisites.requireKeyReady(store, cluster);
    // SIM: with no HSM answering, CreateKey's error list offers KMSInternalException (it has no KMSInvalidStateException).
    const key = await this.run(store, KMSInternalException, (session) => session.generateBackingKey(keyArn));
    const holders = await Promise.all(this.sessions.openSessions(customKeyStoreId).map((session) => session.getKey(key.handle).then(() => 1, () => 0)));
    return { handle: key.handle, holders: Math.max(1, holders.reduce<number>((sum, held) => sum + held, 0)) };
  }

  async encrypt(customKeyStoreId: string, handle: number, plaintext: Buffer, aad: Buffer): Promise<SealedData> {
    const store = this.usable(customKeyStoreId, KeyStoreOperation.USE_KEYS, KMSInvalidStateException);
    this.rate.take(customKeyStoreId);
    const iv = pooledRandomBytes(IV_BYTES);
    // 2.9, 3.6: with the store CONNECTED but no HSM to do it, crypto fails with KMSInvalidStateException.
    const ciphertext = await this.run(store, KMSInvalidStateException, (session) => session.encrypt({ handle, iv, aad, plaintext }));
    return { iv, ciphertext };
  }

  async decrypt(customKeyStoreId: string, handle: number, sealed: SealedData, aad: Buffer): Promise<Buffer> {
    const store = this.usable(customKeyStoreId, KeyStoreOperation.USE_KEYS, KMSInvalidStateException);
    this.rate.take(customKeyStoreId);
    return this.run(store, KMSInvalidStateException, (session) => session.decrypt({ handle, iv: sealed.iv, aad, ciphertext: sealed.ciphertext }));
  }

  // 4.3: best effort; it fails when KMS cannot reach the cluster or log in.
  async deleteBackingKey(customKeyStoreId: string, handle: number): Promise<'deleted' | 'not-found' | 'failed'> {
    const store = this.repository.get(customKeyStoreId);
    if (store?.connectionState !== ConnectionState.CONNECTED) return 'failed';
    try {
      await this.sessions.withSession(store, (session) => session.deleteKey(handle));
      return 'deleted';
    } catch (error) {
      return error instanceof NodeError && error.code === 'CKR_OBJECT_HANDLE_INVALID' ? 'not-found' : 'failed';
    }
  }

  async random(customKeyStoreId: string, length: number): Promise<Buffer> {
    const store = this.usable(customKeyStoreId, KeyStoreOperation.GENERATE_RANDOM, CustomKeyStoreInvalidStateException);
    this.rate.take(customKeyStoreId);
    // SIM: GenerateRandom's error list has no KMSInvalidStateException; with no HSM answering it is KMSInternalException.
    return this.run(store, KMSInternalException, (session) => session.random(length));
  }

  isConnected(customKeyStoreId: string): boolean {
    return this.repository.get(customKeyStoreId)?.connectionState === ConnectionState.CONNECTED;
  }

  describeStore(accountId: string, region: string, customKeyStoreId: string): { cloudHsmClusterId: string; connectionState: string } | undefined {
    const store = this.repository.get(customKeyStoreId);
    if (!store || store.accountId !== accountId || store.region !== region) return undefined;
    return { cloudHsmClusterId: store.cloudHsmClusterId, connectionState: store.connectionState };
  }

  private usable(customKeyStoreId: string, operation: KeyStoreOperation, notConnected: Raise): CustomKeyStoreRecord {
    const store = this.repository.get(customKeyStoreId);
    if (!store) throw new CustomKeyStoreNotFoundException(`There is no custom key store ${customKeyStoreId}.`);
    if (!storeAllows(store.connectionState, operation)) throw new notConnected(invalidStateMessage(store, operation));
    return store;
  }

  private async run<T>(store: CustomKeyStoreRecord, noHsm: Raise, work: (session: KmsUserSession) => Promise<T>): Promise<T> {
    try {
      return await this.sessions.withSession(store, work);
    } catch (error) {
      if (error instanceof NoReachableHsmError && error.timedOut) {
        throw new KeyUnavailableException(
          `The HSMs of cluster ${store.cloudHsmClusterId} took the request but did not answer in time (${error.message}). You can retry the request.`,
        );
      }
      if (error instanceof NoReachableHsmError && error.connectTimedOut) {
        throw new DependencyTimeoutException(
          `KMS timed out connecting to the HSMs of cluster ${store.cloudHsmClusterId} (${error.message}). You can retry the request.`,
        );
      }
      if (error instanceof NoReachableHsmError) {
        throw new noHsm(
          `KMS cannot communicate with the CloudHSM cluster of custom key store ${store.customKeyStoreId}: ${error.message}. Make sure the cluster has ACTIVE HSMs that KMS can reach, and that nobody changed kmsuser's password.`,
        );
      }
      if (error instanceof NodeError) {
        const raise = KEY_OPERATION_FAILURES[error.code] ?? KMSInternalException;
        throw new raise(`Cluster ${store.cloudHsmClusterId} refused the operation: ${error.message}`);
      }
      throw error;
    }
  }
}
