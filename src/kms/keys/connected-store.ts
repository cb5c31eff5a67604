// The store CreateKey and GenerateRandom name must exist and be CONNECTED (aws-behaviour 2.7, 2.10, 3.3).

import { CustomKeyStoreInvalidStateException, CustomKeyStoreNotFoundException } from '../kms.errors';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import type { KmsScope } from './domain/kms-key';

const CONNECTED = 'CONNECTED';

/** The store's cluster, once the store is known to be CONNECTED. */
export function requireConnectedStore(crypto: KeyStoreCrypto, scope: KmsScope, customKeyStoreId: string, operation: 'CreateKey' | 'GenerateRandom'): { readonly cloudHsmClusterId: string } {
  const store = crypto.describeStore(scope.accountId, scope.region, customKeyStoreId);
  if (!store) {
    throw new CustomKeyStoreNotFoundException(`There is no custom key store ${customKeyStoreId} in account ${scope.accountId}, Region ${scope.region}: DescribeCustomKeyStores lists them.`);
  }
  if (store.connectionState !== CONNECTED) {
    throw new CustomKeyStoreInvalidStateException(
      `Custom key store ${customKeyStoreId} is ${store.connectionState}; ${operation} needs it ${CONNECTED}: connect it (ConnectCustomKeyStore) and wait for ${CONNECTED}.`,
    );
  }
  return store;
}
