// What KMS keys need of a connected AWS CloudHSM key store: backing keys made and used inside the
// cluster's HSMs, over port 2223, as the store's kmsuser (aws-behaviour 4). The custom key store
// service implements it with its live HSM sessions; the KMS key service only calls it.

export interface BackingKey {
  /** The CloudHSM key handle, the same on every HSM that holds the key. */
  readonly handle: number;
  /** How many HSMs held the key when its creation was acknowledged (at least 2 on a multi-HSM cluster). */
  readonly holders: number;
}

export interface SealedData {
  readonly iv: Buffer;
  /** AES-GCM ciphertext followed by its 16-byte tag. */
  readonly ciphertext: Buffer;
}

export interface KeyStoreCrypto {
  /**
   * aws-behaviour 4.1: an AES-256 token key, non-extractable, owned by kmsuser, labelled with the KMS key
   * ARN. Throws when the store is not CONNECTED (CustomKeyStoreInvalidStateException) or the cluster
   * cannot hold it (CloudHsmClusterInvalidConfigurationException / KMSInternalException as AWS says).
   */
  generateBackingKey(customKeyStoreId: string, keyArn: string): Promise<BackingKey>;
  /** AES-256-GCM inside an HSM; the AAD binds the encryption context. Fails over between HSMs. */
  encrypt(customKeyStoreId: string, handle: number, plaintext: Buffer, aad: Buffer): Promise<SealedData>;
  decrypt(customKeyStoreId: string, handle: number, sealed: SealedData, aad: Buffer): Promise<Buffer>;
  /** Best effort, for ScheduleKeyDeletion at the end of its window; resolves to what happened. */
  deleteBackingKey(customKeyStoreId: string, handle: number): Promise<'deleted' | 'not-found' | 'failed'>;
  random(customKeyStoreId: string, length: number): Promise<Buffer>;
  /** CONNECTED: keys in the store are usable (otherwise KeyState Unavailable, 2.15). */
  isConnected(customKeyStoreId: string): boolean;
  /** Store and cluster of a custom key store, or undefined when there is no such store. */
  describeStore(accountId: string, region: string, customKeyStoreId: string): { readonly cloudHsmClusterId: string; readonly connectionState: string } | undefined;
}
