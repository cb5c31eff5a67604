// The connection state machine and the legality table of aws-behaviour 3.2 and 3.3.

import { expect } from 'chai';
import {
  ConnectionState,
  KeyStoreOperation,
  nextConnectionState,
  storeAllows,
  type ConnectionEvent,
} from '../../../../src/kms/custom-key-stores/domain/custom-key-store.states';

const S = ConnectionState;
const O = KeyStoreOperation;
const STATES = [S.DISCONNECTED, S.CONNECTING, S.CONNECTED, S.FAILED, S.DISCONNECTING] as const;

describe('custom key store connection states (3.2, 3.3)', () => {
  it('moves DISCONNECTED -> CONNECTING -> CONNECTED or FAILED, and back through DISCONNECTING', () => {
    const path = (from: ConnectionState, ...events: ConnectionEvent[]) =>
      events.reduce<ConnectionState | undefined>((state, event) => state && nextConnectionState(state, event), from);
    expect(path(S.DISCONNECTED, 'connect', 'connected')).to.equal(S.CONNECTED);
    expect(path(S.DISCONNECTED, 'connect', 'connectFailed')).to.equal(S.FAILED);
    for (const from of [S.CONNECTED, S.CONNECTING, S.FAILED]) expect(path(from, 'disconnect', 'disconnected')).to.equal(S.DISCONNECTED);
  });

  it('has no other transitions', () => {
    const events: ConnectionEvent[] = ['connect', 'connected', 'connectFailed', 'disconnect', 'disconnected'];
    const allowed = STATES.flatMap((state) => events.filter((event) => nextConnectionState(state, event)).map((event) => `${state}:${event}`));
    expect(allowed).to.have.members([
      'DISCONNECTED:connect',
      'CONNECTING:connected',
      'CONNECTING:connectFailed',
      'CONNECTING:disconnect',
      'CONNECTED:disconnect',
      'FAILED:disconnect',
      'DISCONNECTING:disconnected',
    ]);
  });

  it('allows each operation in the states of the 3.3 table', () => {
    const table: Record<KeyStoreOperation, readonly ConnectionState[]> = {
      [O.CONNECT]: [S.DISCONNECTED, S.CONNECTING, S.CONNECTED],
      [O.DISCONNECT]: [S.CONNECTING, S.CONNECTED, S.FAILED],
      [O.UPDATE_NAME]: [S.DISCONNECTED, S.CONNECTED],
      [O.UPDATE_PASSWORD_OR_CLUSTER]: [S.DISCONNECTED],
      [O.DELETE]: [S.DISCONNECTED],
      [O.CREATE_KEY]: [S.CONNECTED],
      [O.GENERATE_RANDOM]: [S.CONNECTED],
      [O.USE_KEYS]: [S.CONNECTED],
    };
    for (const [operation, legal] of Object.entries(table) as [KeyStoreOperation, readonly ConnectionState[]][]) {
      expect(STATES.filter((state) => storeAllows(state, operation)), operation).to.deep.equal(STATES.filter((state) => legal.includes(state)));
    }
  });
});
