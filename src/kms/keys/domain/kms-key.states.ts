// KMS key states (aws-behaviour 2.15, 3.5) as one table: the states a key record holds, the events that
// move it, and which operation each visible state allows, with the exception AWS gives otherwise.

import type { AwsException } from '../../../shared/aws-exception';
import { DisabledException, KMSInvalidStateException } from '../../kms.errors';

/** The KeyState values a key of this simulator can show (the KMS KeyState enum's AWS strings). */
export const KeyState = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  PendingDeletion: 'PendingDeletion',
  Unavailable: 'Unavailable',
  /** An EXTERNAL key without key material (never imported, expired or deleted). */
  PendingImport: 'PendingImport',
  /** A multi-Region primary key scheduled for deletion while replicas of it remain. */
  PendingReplicaDeletion: 'PendingReplicaDeletion',
} as const;
export type KeyState = (typeof KeyState)[keyof typeof KeyState];

/**
 * What a key record holds. Unavailable is never stored: it is how a key of a store that is not connected
 * shows (3.5). Deleted marks the record of a key whose waiting period ended; no operation finds it.
 */
export const StoredKeyState = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  PendingDeletion: 'PendingDeletion',
  Deleted: 'Deleted',
  PendingImport: 'PendingImport',
  PendingReplicaDeletion: 'PendingReplicaDeletion',
} as const;
export type StoredKeyState = (typeof StoredKeyState)[keyof typeof StoredKeyState];

export type KeyEvent =
  | 'enable'
  | 'disable'
  | 'scheduleDeletion'
  | 'cancelDeletion'
  | 'deletionWindowEnded'
  /** ImportKeyMaterial succeeded. */
  | 'materialImported'
  /** Imported material expired or DeleteImportedKeyMaterial deleted it. */
  | 'materialGone'
  /** CancelKeyDeletion of a key whose imported material is gone. */
  | 'cancelDeletionWithoutMaterial'
  /** ScheduleKeyDeletion of a multi-Region primary key that has replicas. */
  | 'scheduleDeletionAfterReplicas'
  /** The last replica of a primary key in PendingReplicaDeletion was deleted: its waiting period begins. */
  | 'replicasDeleted';

const S = StoredKeyState;
const TRANSITIONS: Readonly<Record<StoredKeyState, Partial<Record<KeyEvent, StoredKeyState>>>> = {
  [S.Enabled]: { enable: S.Enabled, disable: S.Disabled, scheduleDeletion: S.PendingDeletion, scheduleDeletionAfterReplicas: S.PendingReplicaDeletion, materialImported: S.Enabled, materialGone: S.PendingImport },
  [S.Disabled]: { enable: S.Enabled, disable: S.Disabled, scheduleDeletion: S.PendingDeletion, scheduleDeletionAfterReplicas: S.PendingReplicaDeletion, materialImported: S.Disabled, materialGone: S.PendingImport },
  // API_CancelKeyDeletion: "the KMS key is in the Disabled state" afterwards (PendingImport when its imported material is gone).
  // importing-keys-delete-key-material: a key pending deletion stays so when its material is deleted or expires.
  [S.PendingDeletion]: { cancelDeletion: S.Disabled, cancelDeletionWithoutMaterial: S.PendingImport, deletionWindowEnded: S.Deleted, materialGone: S.PendingDeletion },
  [S.Deleted]: {},
  // API_ImportKeyMaterial: "the KMS key state changes from PendingImport to Enabled".
  [S.PendingImport]: { scheduleDeletion: S.PendingDeletion, scheduleDeletionAfterReplicas: S.PendingReplicaDeletion, materialImported: S.Enabled, materialGone: S.PendingImport },
  // API_ScheduleKeyDeletion: a primary key with replicas waits in PendingReplicaDeletion until "the last of its replica keys is deleted", then its waiting period begins.
  [S.PendingReplicaDeletion]: { cancelDeletion: S.Disabled, cancelDeletionWithoutMaterial: S.PendingImport, replicasDeleted: S.PendingDeletion, materialGone: S.PendingReplicaDeletion },
};

export function nextKeyState(state: StoredKeyState, event: KeyEvent): StoredKeyState | undefined {
  return TRANSITIONS[state][event];
}

/** 3.5: a key of a store that is not CONNECTED shows Unavailable, except in PendingDeletion; on reconnect it shows what is stored. */
export function visibleKeyState(stored: Exclude<StoredKeyState, 'Deleted'>, storeConnected: boolean): KeyState {
  if (stored === S.PendingDeletion || stored === S.PendingReplicaDeletion || storeConnected) return stored;
  return KeyState.Unavailable;
}

export type KeyOperation =
  | 'Encrypt'
  | 'Decrypt'
  | 'ReEncrypt'
  | 'GenerateDataKey'
  | 'GenerateDataKeyWithoutPlaintext'
  | 'Sign'
  | 'Verify'
  | 'GetPublicKey'
  | 'GenerateMac'
  | 'VerifyMac'
  | 'DeriveSharedSecret'
  | 'GenerateDataKeyPair'
  | 'GenerateDataKeyPairWithoutPlaintext'
  | 'DescribeKey'
  | 'EnableKey'
  | 'DisableKey'
  | 'ScheduleKeyDeletion'
  | 'CancelKeyDeletion'
  | 'CreateAlias'
  | 'UpdateAlias'
  | 'DeleteAlias'
  | 'ListAliases'
  | 'TagResource'
  | 'UntagResource'
  | 'ListResourceTags'
  | 'UpdateKeyDescription'
  | 'GetKeyPolicy'
  | 'PutKeyPolicy'
  | 'ListKeyPolicies'
  | 'CreateGrant'
  | 'ListGrants'
  | 'RetireGrant'
  | 'RevokeGrant'
  | 'EnableKeyRotation'
  | 'DisableKeyRotation'
  | 'GetKeyRotationStatus'
  | 'RotateKeyOnDemand'
  | 'ListKeyRotations'
  | 'GetParametersForImport'
  | 'ImportKeyMaterial'
  | 'DeleteImportedKeyMaterial'
  | 'ReplicateKey'
  | 'UpdatePrimaryRegion'
  | 'GetKeyLastUsage';

type Refusal = 'disabled' | 'pendingDeletion' | 'unavailable' | 'notPendingDeletion' | 'pendingImport' | 'pendingReplicaDeletion';
type Verdict = 'ok' | Refusal;

/**
 * key-state.md: a PendingImport key allows what a Disabled key allows, except that what a Disabled key
 * refuses as disabled it refuses as pending import; the fifth column overrides that where AWS differs. A
 * PendingReplicaDeletion key allows what a PendingDeletion key allows.
 */
function row(Enabled: Verdict, Disabled: Verdict, PendingDeletion: Verdict, Unavailable: Verdict, PendingImport?: Verdict): Readonly<Record<KeyState, Verdict>> {
  return {
    Enabled,
    Disabled,
    PendingDeletion,
    Unavailable,
    PendingImport: PendingImport ?? (Disabled === 'disabled' ? 'pendingImport' : Disabled),
    PendingReplicaDeletion: PendingDeletion === 'pendingDeletion' ? 'pendingReplicaDeletion' : PendingDeletion,
  };
}

// key-state.md. Open question 8: crypto on a PendingDeletion key answers KMSInvalidStateException
// ("is pending deletion"), the message real KMS is observed to send. Open question 7: a cancelled key of a
// disconnected store is Disabled underneath and shows Unavailable until the store reconnects.
const LEGALITY: Readonly<Record<KeyOperation, Readonly<Record<KeyState, Verdict>>>> = {
  //                                  Enabled               Disabled              PendingDeletion       Unavailable
  Encrypt:                        row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  Decrypt:                        row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  ReEncrypt:                      row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GenerateDataKey:                row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GenerateDataKeyWithoutPlaintext: row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  Sign:                           row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  Verify:                         row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GetPublicKey:                   row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GenerateMac:                    row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  VerifyMac:                      row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  DeriveSharedSecret:             row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GenerateDataKeyPair:            row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GenerateDataKeyPairWithoutPlaintext: row('ok',            'disabled',           'pendingDeletion',    'unavailable'),
  DescribeKey:                    row('ok',                 'ok',                 'ok',                 'ok'),
  EnableKey:                      row('ok',                 'ok',                 'pendingDeletion',    'ok',                 'pendingImport'),
  DisableKey:                     row('ok',                 'ok',                 'pendingDeletion',    'ok',                 'pendingImport'),
  ScheduleKeyDeletion:            row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  CancelKeyDeletion:              row('notPendingDeletion', 'notPendingDeletion', 'ok',                 'notPendingDeletion'),
  CreateAlias:                    row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  UpdateAlias:                    row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  DeleteAlias:                    row('ok',                 'ok',                 'ok',                 'ok'),
  ListAliases:                    row('ok',                 'ok',                 'ok',                 'ok'),
  TagResource:                    row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  UntagResource:                  row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  ListResourceTags:               row('ok',                 'ok',                 'ok',                 'ok'),
  UpdateKeyDescription:           row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  GetKeyPolicy:                   row('ok',                 'ok',                 'ok',                 'ok'),
  PutKeyPolicy:                   row('ok',                 'ok',                 'ok',                 'ok'),
  ListKeyPolicies:                row('ok',                 'ok',                 'ok',                 'ok'),
  // 2.15: CreateGrant is refused on Disabled and PendingDeletion keys; the other grant operations work in every state.
  CreateGrant:                    row('ok',                 'disabled',           'pendingDeletion',    'ok',                 'ok'),
  ListGrants:                     row('ok',                 'ok',                 'ok',                 'ok'),
  RetireGrant:                    row('ok',                 'ok',                 'ok',                 'ok'),
  RevokeGrant:                    row('ok',                 'ok',                 'ok',                 'ok'),
  EnableKeyRotation:              row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  DisableKeyRotation:             row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  GetKeyRotationStatus:           row('ok',                 'ok',                 'ok',                 'ok'),
  RotateKeyOnDemand:              row('ok',                 'disabled',           'pendingDeletion',    'unavailable'),
  ListKeyRotations:               row('ok',                 'ok',                 'ok',                 'ok'),
  GetParametersForImport:         row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  ImportKeyMaterial:              row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  DeleteImportedKeyMaterial:      row('ok',                 'ok',                 'pendingDeletion',    'ok',                 'pendingImport'),
  ReplicateKey:                   row('ok',                 'disabled',           'pendingDeletion',    'ok'),
  UpdatePrimaryRegion:            row('ok',                 'disabled',           'pendingDeletion',    'ok'),
  GetKeyLastUsage:                row('ok',                 'ok',                 'ok',                 'ok'),
};

// aws-behaviour 2.9, 2.11 and appendix A: the messages real KMS sends.
const REFUSALS: Readonly<Record<Refusal, (keyArn: string) => AwsException>> = {
  disabled: (keyArn) => new DisabledException(`${keyArn} is disabled.`),
  pendingDeletion: (keyArn) => new KMSInvalidStateException(`${keyArn} is pending deletion.`),
  unavailable: (keyArn) => new KMSInvalidStateException(`${keyArn} is unavailable.`),
  notPendingDeletion: (keyArn) => new KMSInvalidStateException(`${keyArn} is not pending deletion.`),
  pendingImport: (keyArn) => new KMSInvalidStateException(`${keyArn} is pending import.`),
  pendingReplicaDeletion: (keyArn) => new KMSInvalidStateException(`${keyArn} is pending replica deletion.`),
};

/** The exception `operation` gets from a key showing `state`, or undefined when the state allows it. */
export function keyStateRefusal(state: KeyState, operation: KeyOperation, keyArn: string): AwsException | undefined {
  const verdict = LEGALITY[operation][state];
  return verdict === 'ok' ? undefined : REFUSALS[verdict](keyArn);
}
