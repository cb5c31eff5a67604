// The custom key store's connection (aws-behaviour 3.1-3.3) as tables: states, events, transitions, and
// which operation each state allows. Only applyConnectionEvent() changes a store's state.

export const ConnectionState = {
  CONNECTED: 'CONNECTED',
  CONNECTING: 'CONNECTING',
  FAILED: 'FAILED',
  DISCONNECTED: 'DISCONNECTED',
  DISCONNECTING: 'DISCONNECTING',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

export type ConnectionEvent =
  /** ConnectCustomKeyStore passed its synchronous checks. */
  | 'connect'
  /** The connector logged in as kmsuser on every HSM and rotated its password. */
  | 'connected'
  | 'connectFailed'
  | 'disconnect'
  /** Sessions closed, ENIs and security group released. */
  | 'disconnected';

const S = ConnectionState;
const TRANSITIONS: Readonly<Record<ConnectionState, Partial<Record<ConnectionEvent, ConnectionState>>>> = {
  [S.DISCONNECTED]: { connect: S.CONNECTING },
  [S.CONNECTING]: { connected: S.CONNECTED, connectFailed: S.FAILED, disconnect: S.DISCONNECTING },
  [S.CONNECTED]: { disconnect: S.DISCONNECTING },
  // 3.1: a FAILED store must be disconnected before it can be connected again.
  [S.FAILED]: { disconnect: S.DISCONNECTING },
  [S.DISCONNECTING]: { disconnected: S.DISCONNECTED },
};

export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState | undefined {
  return TRANSITIONS[state][event];
}

/** The transition table, row by row (the web console draws the state machine from it). */
export function connectionTransitions(): { from: ConnectionState; event: ConnectionEvent; to: ConnectionState }[] {
  return Object.entries(TRANSITIONS).flatMap(([from, row]) =>
    Object.entries(row).map(([event, to]) => ({ from: from as ConnectionState, event: event as ConnectionEvent, to })),
  );
}

export const KeyStoreOperation = {
  CONNECT: 'ConnectCustomKeyStore',
  DISCONNECT: 'DisconnectCustomKeyStore',
  UPDATE_NAME: 'UpdateCustomKeyStore (NewCustomKeyStoreName)',
  UPDATE_PASSWORD_OR_CLUSTER: 'UpdateCustomKeyStore (KeyStorePassword, CloudHsmClusterId)',
  DELETE: 'DeleteCustomKeyStore',
  CREATE_KEY: 'CreateKey',
  GENERATE_RANDOM: 'GenerateRandom',
  USE_KEYS: 'a cryptographic operation',
} as const;
export type KeyStoreOperation = (typeof KeyStoreOperation)[keyof typeof KeyStoreOperation];

const O = KeyStoreOperation;
/** Reference 3.3, row by row; every other operation on a store or its keys is legal in every state. */
const LEGAL_IN: Readonly<Record<KeyStoreOperation, readonly ConnectionState[]>> = {
  // SIM (open question 4): Connect on a CONNECTING or CONNECTED store is accepted and changes nothing.
  [O.CONNECT]: [S.DISCONNECTED, S.CONNECTING, S.CONNECTED],
  [O.DISCONNECT]: [S.CONNECTING, S.CONNECTED, S.FAILED],
  // SIM (open question 5): the docs name only CONNECTED and DISCONNECTED for a new name.
  [O.UPDATE_NAME]: [S.DISCONNECTED, S.CONNECTED],
  [O.UPDATE_PASSWORD_OR_CLUSTER]: [S.DISCONNECTED],
  [O.DELETE]: [S.DISCONNECTED],
  [O.CREATE_KEY]: [S.CONNECTED],
  [O.GENERATE_RANDOM]: [S.CONNECTED],
  [O.USE_KEYS]: [S.CONNECTED],
};

export function storeAllows(state: ConnectionState, operation: KeyStoreOperation): boolean {
  return LEGAL_IN[operation].includes(state);
}

/** The states in which `operation` is legal, for messages that say how to get there. */
export function statesAllowing(operation: KeyStoreOperation): readonly ConnectionState[] {
  return LEGAL_IN[operation];
}
