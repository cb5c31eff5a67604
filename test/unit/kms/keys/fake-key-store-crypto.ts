// A KeyStoreCrypto over in-memory AES-256 keys (node:crypto AES-GCM), with switches for the store's
// connection state and for cluster failures: what the custom key store service provides over live HSMs.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AwsException } from '../../../../src/shared/aws-exception';
import { CustomKeyStoreInvalidStateException, InvalidCiphertextException, KMSInvalidStateException } from '../../../../src/kms/kms.errors';
import type { BackingKey, KeyStoreCrypto, SealedData } from '../../../../src/kms/ports/key-store-crypto.port';

interface FakeStore {
  readonly accountId: string;
  readonly region: string;
  cloudHsmClusterId: string;
  connectionState: string;
}

export interface FakeBackingKey {
  readonly customKeyStoreId: string;
  readonly label: string;
  readonly key: Buffer;
}

export class FakeKeyStoreCrypto implements KeyStoreCrypto {
  readonly backingKeys = new Map<number, FakeBackingKey>();
  /** Thrown by encrypt, decrypt, random and generateBackingKey while set (a broken cluster). */
  failure: AwsException | undefined;
  /** deleteBackingKey throws instead of answering. */
  deletionThrows = false;
  randomCalls = 0;
  private readonly stores = new Map<string, FakeStore>();
  private nextHandle = 262_162;

  addStore(customKeyStoreId: string, store: { accountId: string; region: string; cloudHsmClusterId?: string; connectionState?: string }): void {
    this.stores.set(customKeyStoreId, { cloudHsmClusterId: 'cluster-igklspoyj5v', connectionState: 'CONNECTED', ...store });
  }

  setConnectionState(customKeyStoreId: string, connectionState: string): void {
    this.store(customKeyStoreId).connectionState = connectionState;
  }

  setCluster(customKeyStoreId: string, cloudHsmClusterId: string): void {
    this.store(customKeyStoreId).cloudHsmClusterId = cloudHsmClusterId;
  }

  async generateBackingKey(customKeyStoreId: string, keyArn: string): Promise<BackingKey> {
    this.usable(customKeyStoreId);
    const handle = this.nextHandle++;
    this.backingKeys.set(handle, { customKeyStoreId, label: keyArn, key: randomBytes(32) });
    return { handle, holders: 2 };
  }

  async encrypt(customKeyStoreId: string, handle: number, plaintext: Buffer, aad: Buffer): Promise<SealedData> {
    const key = this.key(customKeyStoreId, handle);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
    return { iv, ciphertext: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) };
  }

  async decrypt(customKeyStoreId: string, handle: number, sealed: SealedData, aad: Buffer): Promise<Buffer> {
    const key = this.key(customKeyStoreId, handle);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv).setAAD(aad);
    decipher.setAuthTag(sealed.ciphertext.subarray(sealed.ciphertext.length - 16));
    try {
      return Buffer.concat([decipher.update(sealed.ciphertext.subarray(0, sealed.ciphertext.length - 16)), decipher.final()]);
    } catch {
      throw new InvalidCiphertextException('');
    }
  }

  async deleteBackingKey(_customKeyStoreId: string, handle: number): Promise<'deleted' | 'not-found' | 'failed'> {
    if (this.deletionThrows) throw new Error('connection reset by the HSM');
    return this.backingKeys.delete(handle) ? 'deleted' : 'not-found';
  }

  async random(customKeyStoreId: string, length: number): Promise<Buffer> {
    this.usable(customKeyStoreId);
    this.randomCalls += 1;
    return randomBytes(length);
  }

  isConnected(customKeyStoreId: string): boolean {
    return this.stores.get(customKeyStoreId)?.connectionState === 'CONNECTED';
  }

  describeStore(accountId: string, region: string, customKeyStoreId: string): { cloudHsmClusterId: string; connectionState: string } | undefined {
    const store = this.stores.get(customKeyStoreId);
    return store && store.accountId === accountId && store.region === region ? { cloudHsmClusterId: store.cloudHsmClusterId, connectionState: store.connectionState } : undefined;
  }

  private store(customKeyStoreId: string): FakeStore {
    const store = this.stores.get(customKeyStoreId);
    if (!store) throw new Error(`no fake store ${customKeyStoreId}`);
    return store;
  }

  private usable(customKeyStoreId: string): void {
    if (this.failure) throw this.failure;
    if (!this.isConnected(customKeyStoreId)) throw new CustomKeyStoreInvalidStateException(`${customKeyStoreId} is not connected`);
  }

  private key(customKeyStoreId: string, handle: number): Buffer {
    this.usable(customKeyStoreId);
    const backing = this.backingKeys.get(handle);
    if (!backing || backing.customKeyStoreId !== customKeyStoreId) throw new KMSInvalidStateException('KMS cannot find the key material in the CloudHSM cluster.');
    return backing.key;
  }
}
