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
} as const;
export type StoredKeyState = (typeof StoredKeyState)[keyof typeof StoredKeyState];

export type KeyEvent = 'enable' | 'disable' | 'scheduleDeletion' | 'cancelDeletion' | 'deletionWindowEnded';

const S = StoredKeyState;
const TRANSITIONS: Readonly<Record<StoredKeyState, Partial<Record<KeyEvent, StoredKeyState>>>> = {
  [S.Enabled]: { enable: S.Enabled, disable: S.Disabled, scheduleDeletion: S.PendingDeletion },
  [S.Disabled]: { enable: S.Enabled, disable: S.Disabled, scheduleDeletion: S.PendingDeletion },
  // API_CancelKeyDeletion: "the KMS key is in the Disabled state" afterwards.
  [S.PendingDeletion]: { cancelDeletion: S.Disabled, deletionWindowEnded: S.Deleted },
  [S.Deleted]: {},
};

export function nextKeyState(state: StoredKeyState, event: KeyEvent): StoredKeyState | undefined {
  return TRANSITIONS[state][event];
}

/** 3.5: a key of a store that is not CONNECTED shows Unavailable, except in PendingDeletion; on reconnect it shows what is stored. */
export function visibleKeyState(stored: Exclude<StoredKeyState, 'Deleted'>, storeConnected: boolean): KeyState {
  if (stored === S.PendingDeletion || storeConnected) return stored;
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
  | 'ListKeyPolicies';

type Refusal = 'disabled' | 'pendingDeletion' | 'unavailable' | 'notPendingDeletion';
type Verdict = 'ok' | Refusal;

function row(Enabled: Verdict, Disabled: Verdict, PendingDeletion: Verdict, Unavailable: Verdict): Readonly<Record<KeyState, Verdict>> {
  return { Enabled, Disabled, PendingDeletion, Unavailable };
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
  EnableKey:                      row('ok',                 'ok',                 'pendingDeletion',    'ok'),
  DisableKey:                     row('ok',                 'ok',                 'pendingDeletion',    'ok'),
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
};

// aws-behaviour 2.9, 2.11 and appendix A: the messages real KMS sends.
const REFUSALS: Readonly<Record<Refusal, (keyArn: string) => AwsException>> = {
  disabled: (keyArn) => new DisabledException(`${keyArn} is disabled.`),
  pendingDeletion: (keyArn) => new KMSInvalidStateException(`${keyArn} is pending deletion.`),
  unavailable: (keyArn) => new KMSInvalidStateException(`${keyArn} is unavailable.`),
  notPendingDeletion: (keyArn) => new KMSInvalidStateException(`${keyArn} is not pending deletion.`),
};

/** The exception `operation` gets from a key showing `state`, or undefined when the state allows it. */
export function keyStateRefusal(state: KeyState, operation: KeyOperation, keyArn: string): AwsException | undefined {
  const verdict = LEGALITY[operation][state];
  return verdict === 'ok' ? undefined : REFUSALS[verdict](keyArn);
}
