// A reference model of AWS's state machines for one custom key store and its keys (aws-behaviour 3.2, 3.3,
// 2.11, 2.15, 4.3): what each call answers in each state and what state it leaves. The legality of store
// operations comes from the simulator's own table (custom-key-store.states.ts); every expected outcome is
// computed here. A parallel batch is explored in every serial order, with connections allowed to finish
// between any two calls, and yields every (outcomes, final state) some serial order gives.

import { ConnectionState, KeyStoreOperation, storeAllows } from '../../../src/kms/custom-key-stores/domain/custom-key-store.states';

export type KeyStateName = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface ModelState {
  /** undefined once deleted; `lastStoreId` keeps its id so calls naming it can be checked. */
  readonly store: { readonly id: string; readonly state: ConnectionState; readonly name: string } | undefined;
  readonly lastStoreId: string | undefined;
  /** The KMS keys of the store, by id (placeholders `new:<n>` until a batch's answers name them). */
  readonly keys: Readonly<Record<string, KeyStateName>>;
  /** Keys deleted at the end of their waiting period (the latest few). */
  readonly deleted: readonly string[];
  /** ACTIVE HSMs and their Availability Zones. */
  readonly hsms: ReadonlyArray<{ readonly id: string; readonly az: string }>;
  /** Backing keys left in the cluster by deletions while the store was not connected (4.3). */
  readonly orphans: number;
}

export type BatchCall =
  | { readonly kind: 'Connect' }
  | { readonly kind: 'Disconnect' }
  | { readonly kind: 'UpdateName'; readonly name: string }
  | { readonly kind: 'UpdatePassword' }
  | { readonly kind: 'DeleteStore' }
  | { readonly kind: 'CreateKey' }
  | { readonly kind: 'ScheduleDeletion'; readonly keyId: string }
  | { readonly kind: 'CancelDeletion'; readonly keyId: string }
  | { readonly kind: 'EnableKey' | 'DisableKey' | 'Encrypt'; readonly keyId: string };

/** 'ok', or the exception name AWS answers with. */
export type Outcome = string;

const S = ConnectionState;
const CKS_INVALID = 'CustomKeyStoreInvalidStateException';
const NOT_FOUND_STORE = 'CustomKeyStoreNotFoundException';
const KEEP_DELETED = 5;

/** 3.5: keys of a store that is not CONNECTED show Unavailable, except PendingDeletion. */
export function visibleKeyState(model: ModelState, keyState: KeyStateName): string {
  if (keyState === 'PendingDeletion' || model.store?.state === S.CONNECTED) return keyState;
  return 'Unavailable';
}

/** Connections and disconnections in progress finish (time scale 0: at once, but after the call returned). */
export function settle(model: ModelState): ModelState {
  if (model.store?.state === S.CONNECTING) return { ...model, store: { ...model.store, state: S.CONNECTED } };
  if (model.store?.state === S.DISCONNECTING) return { ...model, store: { ...model.store, state: S.DISCONNECTED } };
  return model;
}

function withStoreState(model: ModelState, state: ConnectionState): ModelState {
  return { ...model, store: { ...model.store!, state } };
}

function twoZones(model: ModelState): boolean {
  return new Set(model.hsms.map((hsm) => hsm.az)).size >= 2;
}

/** Every (outcome, next state) AWS allows for one call; more than one where AWS leaves the order of checks open (q2). */
export function step(model: ModelState, call: BatchCall, placeholder: string): Array<[Outcome, ModelState]> {
  const store = model.store;
  const state = store?.state;
  const allowed = (operation: KeyStoreOperation): boolean => state !== undefined && storeAllows(state, operation);
  switch (call.kind) {
    case 'Connect':
      if (!store) return [[NOT_FOUND_STORE, model]];
      if (!allowed(KeyStoreOperation.CONNECT)) return [[CKS_INVALID, model]];
      // 3.2: DISCONNECTED -> CONNECTING; SIM (q4): on CONNECTING or CONNECTED, nothing changes.
      return [['ok', state === S.DISCONNECTED ? withStoreState(model, S.CONNECTING) : model]];
    case 'Disconnect':
      if (!store) return [[NOT_FOUND_STORE, model]];
      if (!allowed(KeyStoreOperation.DISCONNECT)) return [[CKS_INVALID, model]];
      return [['ok', withStoreState(model, S.DISCONNECTING)]];
    case 'UpdateName':
      if (!store) return [[NOT_FOUND_STORE, model]];
      if (!allowed(KeyStoreOperation.UPDATE_NAME)) return [[CKS_INVALID, model]];
      return [['ok', { ...model, store: { ...store, name: call.name } }]];
    case 'UpdatePassword':
      if (!store) return [[NOT_FOUND_STORE, model]];
      if (!allowed(KeyStoreOperation.UPDATE_PASSWORD_OR_CLUSTER)) return [[CKS_INVALID, model]];
      return [['ok', model]];
    case 'DeleteStore': {
      if (!store) return [[NOT_FOUND_STORE, model]];
      const refusals = [...(allowed(KeyStoreOperation.DELETE) ? [] : [CKS_INVALID]), ...(Object.keys(model.keys).length > 0 ? ['CustomKeyStoreHasCMKsException'] : [])];
      if (refusals.length > 0) return refusals.map((refusal) => [refusal, model]);
      return [['ok', { ...model, store: undefined }]];
    }
    case 'CreateKey': {
      if (!store) return [[NOT_FOUND_STORE, model]];
      const refusals = [...(allowed(KeyStoreOperation.CREATE_KEY) ? [] : [CKS_INVALID]), ...(twoZones(model) ? [] : ['CloudHsmClusterInvalidConfigurationException'])];
      if (refusals.length > 0) return refusals.map((refusal) => [refusal, model]);
      return [['ok', { ...model, keys: { ...model.keys, [placeholder]: 'Enabled' } }]];
    }
    case 'ScheduleDeletion': {
      const key = model.keys[call.keyId];
      if (key === undefined) return [['NotFoundException', model]];
      // 2.11: allowed in Enabled, Disabled and Unavailable; a key already pending is KMSInvalidStateException.
      if (key === 'PendingDeletion') return [['KMSInvalidStateException', model]];
      return [['ok', { ...model, keys: { ...model.keys, [call.keyId]: 'PendingDeletion' } }]];
    }
    case 'CancelDeletion': {
      const key = model.keys[call.keyId];
      if (key === undefined) return [['NotFoundException', model]];
      if (key !== 'PendingDeletion') return [['KMSInvalidStateException', model]];
      // 2.11: CancelKeyDeletion leaves the key Disabled.
      return [['ok', { ...model, keys: { ...model.keys, [call.keyId]: 'Disabled' } }]];
    }
    case 'EnableKey':
    case 'DisableKey': {
      const key = model.keys[call.keyId];
      if (key === undefined) return [['NotFoundException', model]];
      // 2.15: legal in Enabled, Disabled and Unavailable (it takes effect on reconnect), not while PendingDeletion.
      if (key === 'PendingDeletion') return [['KMSInvalidStateException', model]];
      return [['ok', { ...model, keys: { ...model.keys, [call.keyId]: call.kind === 'EnableKey' ? 'Enabled' : 'Disabled' } }]];
    }
    case 'Encrypt': {
      const key = model.keys[call.keyId];
      if (key === undefined) return [['NotFoundException', model]];
      // 2.15: PendingDeletion is DisabledException or KMSInvalidStateException (q8); Unavailable is KMSInvalidStateException.
      if (key === 'PendingDeletion') return [['KMSInvalidStateException', model], ['DisabledException', model]];
      const refusals = [...(state === S.CONNECTED ? [] : ['KMSInvalidStateException']), ...(key === 'Disabled' ? ['DisabledException'] : [])];
      if (refusals.length > 0) return refusals.map((refusal) => [refusal, model]);
      return [['ok', model]];
    }
  }
}

export interface BatchResult {
  readonly outcomes: readonly Outcome[];
  readonly final: ModelState;
}

/** Every result some serial order of `calls` gives, a connection finishing at any point in between. */
export function explore(model: ModelState, calls: readonly BatchCall[]): BatchResult[] {
  const results: BatchResult[] = [];
  const walk = (state: ModelState, remaining: readonly number[], outcomes: readonly (Outcome | undefined)[]): void => {
    if (remaining.length === 0) {
      results.push({ outcomes: outcomes as Outcome[], final: settle(state) });
      return;
    }
    const settled = settle(state);
    const starts = settled === state ? [state] : [state, settled];
    for (const start of starts) {
      for (const index of remaining) {
        for (const [outcome, next] of step(start, calls[index]!, `new:${index}`)) {
          const recorded = [...outcomes];
          recorded[index] = outcome;
          walk(next, remaining.filter((other) => other !== index), recorded);
        }
      }
    }
  };
  walk(model, calls.map((_, index) => index), calls.map(() => undefined));
  return results;
}

/** The end of the waiting period of every PendingDeletion key (clock advanced past it), 4.3. */
export function endWaitingPeriods(model: ModelState): ModelState {
  const pending = Object.entries(model.keys).filter(([, state]) => state === 'PendingDeletion').map(([keyId]) => keyId);
  if (pending.length === 0) return model;
  const keys = Object.fromEntries(Object.entries(model.keys).filter(([, state]) => state !== 'PendingDeletion'));
  // 4.3: KMS deletes the backing key best effort: only while the store is CONNECTED; otherwise it stays, an orphan.
  const orphans = model.orphans + (model.store?.state === S.CONNECTED ? 0 : pending.length);
  return { ...model, keys, deleted: [...model.deleted, ...pending].slice(-KEEP_DELETED), orphans };
}

/** The placeholders of a batch's new keys, renamed to the ids the answers gave. */
export function nameNewKeys(model: ModelState, newKeyIds: ReadonlyMap<string, string>): ModelState {
  return { ...model, keys: Object.fromEntries(Object.entries(model.keys).map(([keyId, state]) => [newKeyIds.get(keyId) ?? keyId, state])) };
}
