// The KMS key and alias records the simulator keeps (aws-behaviour 2.0, 4.1). Key material itself is
// never here: AWS_KMS material is sealed apart (KmsKeyRepository.saveMaterial), AWS_CLOUDHSM material
// stays in the cluster's HSMs.

import type { KeyKind } from './key-spec.table';
import { nextKeyState, StoredKeyState, type KeyEvent } from './kms-key.states';

/** The caller's account and Region: every key and alias belongs to exactly one. */
export interface KmsScope {
  readonly accountId: string;
  readonly region: string;
}

export const KeyOrigin = {
  AWS_KMS: 'AWS_KMS',
  AWS_CLOUDHSM: 'AWS_CLOUDHSM',
  /** Imported key material (import/key-import.service.ts). */
  EXTERNAL: 'EXTERNAL',
} as const;
export type KeyOrigin = (typeof KeyOrigin)[keyof typeof KeyOrigin];

/** Where the key's material lives. */
export type KeyBacking =
  | {
      readonly origin: typeof KeyOrigin.AWS_KMS;
      /** KeyMetadata.CurrentKeyMaterialId: 64 hex digits. */
      readonly keyMaterialId: string;
    }
  | {
      readonly origin: typeof KeyOrigin.AWS_CLOUDHSM;
      readonly customKeyStoreId: string;
      /** The store's cluster when the key was created (4.1). */
      readonly cloudHsmClusterId: string;
      /** The AES-256 token key's handle, labelled with the key ARN. */
      readonly handle: number;
      /** How many HSMs held it when CreateKey returned. */
      readonly holders: number;
    }
  | {
      readonly origin: typeof KeyOrigin.EXTERNAL;
      /** The current imported material (kept by the KeyMaterialRepository); absent until the first import. */
      readonly keyMaterialId?: string;
      /** False while the current material is gone (expired or deleted): the key is then PendingImport. */
      readonly imported: boolean;
      readonly expirationModel?: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';
      readonly validTo?: Date;
    };

export interface KmsTag {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** 4.3: what the best-effort deletion of the backing key in the cluster did at the end of the waiting period. */
export type BackingKeyDeletion = 'deleted' | 'not-found' | 'failed';

export interface KmsKeyRecord {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly region: string;
  readonly keyId: string;
  readonly arn: string;
  readonly creationDate: Date;
  readonly description: string;
  readonly state: StoredKeyState;
  /** Only in PendingDeletion. */
  readonly deletionDate?: Date;
  readonly pendingWindowInDays?: number;
  readonly backing: KeyBacking;
  /** KeySpec and KeyUsage; absent for SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT keys (key-spec.table.ts). */
  readonly kind?: KeyKind;
  readonly policy: string;
  readonly tags: readonly KmsTag[];
  /** Multi-Region keys (multi-region/): every key of the set has the same `mrk-` key id, one per Region. */
  readonly multiRegion?: { readonly primaryRegion: string };
  /** Set when the waiting period ended (state Deleted); `backingKey` only for AWS_CLOUDHSM keys. */
  readonly deletion?: { readonly deletedAt: Date; readonly backingKey?: BackingKeyDeletion };
}

/** A key whose waiting period has not ended: every operation's key. */
export type LiveKeyRecord = KmsKeyRecord & { readonly state: Exclude<StoredKeyState, typeof StoredKeyState.Deleted> };

export function isLive(key: KmsKeyRecord): key is LiveKeyRecord {
  return key.state !== StoredKeyState.Deleted;
}

/** The record after `event`. Callers have asked the state table first, so an event the state refuses is a bug. */
export function applyKeyEvent(key: KmsKeyRecord, event: KeyEvent): KmsKeyRecord {
  const state = nextKeyState(key.state, event);
  if (state === undefined) throw new Error(`key ${key.keyId} in state ${key.state} cannot take event ${event}`);
  return { ...key, state };
}

/** The KeyMaterialId responses carry: AWS_KMS and EXTERNAL keys only, like KeyMetadata.CurrentKeyMaterialId. */
export function keyMaterialIdOf(key: KmsKeyRecord): string | undefined {
  return key.backing.origin === KeyOrigin.AWS_CLOUDHSM ? undefined : key.backing.keyMaterialId;
}

/** The backing of keys whose material the simulator itself keeps (AWS_KMS and EXTERNAL). */
export type SimulatorBacking = Exclude<KeyBacking, { readonly origin: typeof KeyOrigin.AWS_CLOUDHSM }>;

export interface AliasRecord {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly region: string;
  /** Begins with `alias/`. */
  readonly aliasName: string;
  readonly targetKeyId: string;
  readonly creationDate: Date;
  readonly lastUpdatedDate: Date;
}
