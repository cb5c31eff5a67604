// Why an operation is not possible in the store's connection state, and what to do about it
// (aws-behaviour 3.3; fixes from AWS's "Troubleshooting a custom key store").

import type { CustomKeyStoreRecord } from './custom-key-store';
import { ConnectionState, KeyStoreOperation, statesAllowing } from './custom-key-store.states';

function fix(store: CustomKeyStoreRecord, operation: KeyStoreOperation): string {
  const needed = statesAllowing(operation);
  const state = store.connectionState;
  if (state === ConnectionState.DISCONNECTING) return 'Wait until it is DISCONNECTED.';
  if (operation === KeyStoreOperation.DISCONNECT) return 'It is already disconnected.';
  if (state === ConnectionState.FAILED && (operation === KeyStoreOperation.CONNECT || !needed.includes(ConnectionState.DISCONNECTED))) {
    return `Its last connection attempt failed with ${store.connectionErrorCode ?? 'an error'}: fix the cause, disconnect it (DisconnectCustomKeyStore), then connect it again.`;
  }
  if (needed.includes(ConnectionState.DISCONNECTED)) return 'Disconnect it first (DisconnectCustomKeyStore) and wait until it is DISCONNECTED.';
  return 'Connect it (ConnectCustomKeyStore) and wait until it is CONNECTED.';
}

export function invalidStateMessage(store: CustomKeyStoreRecord, operation: KeyStoreOperation): string {
  return `Custom key store ${store.customKeyStoreId} is ${store.connectionState}; ${operation} needs it ${statesAllowing(operation).join(' or ')}. ${fix(store, operation)}`;
}
