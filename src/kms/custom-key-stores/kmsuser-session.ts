// One session KMS holds on one HSM: a TLS connection to its port 2223, verified against the store's trust
// anchor, on which KMS logs in as kmsuser (aws-behaviour 2.2 steps 4-6, 4.1-4.2).

import type { KeyView } from '../../../hsm-sim/node/node.types';
import type { LoginResult } from '../../../hsm-sim/node/user-login';
import { tlsClientOptions } from '../../../hsm-sim/node/certificates/tls-client-options';
import { RpcClient } from '../../../hsm-sim/protocol';
import type { HsmClientTimeouts } from './custom-key-store.durations';
import { KMSUSER } from './domain/kmsuser';
import type { HsmEndpoint } from './ports/cluster-directory.port';

const KMSUSER_ROLE = 'CU';
/** 4.1: AES-256. */
const BACKING_KEY_BITS = 256;

export interface GcmRequest {
  readonly handle: number;
  readonly iv: Buffer;
  readonly aad: Buffer;
}

export class KmsUserSession {
  private constructor(
    readonly hsmId: string,
    private readonly client: RpcClient,
  ) {}

  /** Rejects with RpcConnectionError when the HSM cannot be reached or its chain does not lead to the anchor. */
  static async open(hsmId: string, endpoint: HsmEndpoint, trustAnchorPem: string, timeouts: HsmClientTimeouts): Promise<KmsUserSession> {
    const client = await RpcClient.connect({ host: endpoint.host, port: endpoint.crypto, tls: tlsClientOptions(trustAnchorPem), ...timeouts });
    return new KmsUserSession(hsmId, client);
  }

  get isOpen(): boolean {
    return this.client.isOpen;
  }

  /** Calls `listener` once when the connection is gone; the HSM has then logged the session out. */
  onClose(listener: () => void): void {
    this.client.onClose(listener);
  }

  /** 'twoFactorChallenge' for a kmsuser with 2FA: KMS has no key to answer it with. */
  async logIn(password: string): Promise<'loggedIn' | 'twoFactorChallenge'> {
    const result = await this.client.call<LoginResult>('login', { role: KMSUSER_ROLE, username: KMSUSER, password });
    return 'twoFactorChallenge' in result ? 'twoFactorChallenge' : 'loggedIn';
  }

  async changePassword(password: string): Promise<void> {
    await this.client.call('changePassword', { role: KMSUSER_ROLE, username: KMSUSER, password });
  }

  /** 4.1: a token key, non-extractable, labelled with the KMS key ARN, owned by kmsuser. */
  generateBackingKey(label: string): Promise<KeyView> {
    return this.client.call<KeyView>('generateKey', {
      keyType: 'AES',
      bits: BACKING_KEY_BITS,
      attributes: { label, token: true, extractable: false, encrypt: true, decrypt: true },
    });
  }

  /** The keys kmsuser owns or shares on this HSM (the crypto port's findKeys, as `key list` does). */
  listOwnKeys(): Promise<KeyView[]> {
    return this.client.call<KeyView[]>('findKeys', {});
  }

  getKey(handle: number): Promise<KeyView> {
    return this.client.call<KeyView>('getKey', { handle });
  }

  async deleteKey(handle: number): Promise<void> {
    await this.client.call('deleteKey', { handle });
  }

  /** AES-GCM; the result is the ciphertext followed by the 16-byte tag. */
  encrypt(request: GcmRequest & { readonly plaintext: Buffer }): Promise<Buffer> {
    return this.client.call<Buffer>('encrypt', request);
  }

  decrypt(request: GcmRequest & { readonly ciphertext: Buffer }): Promise<Buffer> {
    return this.client.call<Buffer>('decrypt', request);
  }

  random(length: number): Promise<Buffer> {
    return this.client.call<Buffer>('random', { length });
  }

  /** 2.3: log kmsuser out, then close the connection. */
  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.call('logout').catch(() => undefined);
    await this.client.close();
  }

  /** Closes without a logout, for a connection that no longer answers; closing logs the session out on the HSM. */
  async abandon(): Promise<void> {
    await this.client.close();
  }
}
