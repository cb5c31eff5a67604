// What KMS does on its own, with no request behind it, told to whoever records it (CloudTrail's service
// events, src/cloudtrail). The key services call it; they never ask whether anything listens.

/** 4.3: the backing key's fate at the end of a custom-key-store key's waiting period. */
export interface BackingKeyFate {
  readonly customKeyStoreId: string;
  readonly cloudHsmClusterId: string;
  readonly handle: number;
  readonly deletion: 'deleted' | 'not-found' | 'failed';
}

interface KeyEventBase {
  readonly accountId: string;
  readonly region: string;
  readonly keyArn: string;
  /** On the simulated clock. */
  readonly eventTime: Date;
}

export type KeyServiceEvent =
  /** The waiting period ended and KMS deleted the key (and tried its backing key, for a custom key store). */
  | (KeyEventBase & { readonly kind: 'DeleteKey'; readonly backingKey?: BackingKeyFate })
  /** An automatic rotation. */
  | (KeyEventBase & { readonly kind: 'RotateKey'; readonly keyMaterialId?: string })
  /** Imported key material reached its ValidTo and KMS deleted it. */
  | (KeyEventBase & { readonly kind: 'DeleteExpiredKeyMaterial'; readonly keyMaterialId: string });

export interface KeyServiceEvents {
  keyEvent(event: KeyServiceEvent): void;
}
