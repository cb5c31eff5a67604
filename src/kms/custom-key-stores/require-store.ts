// A store by id within the caller's account and Region, and the legality check of 3.3 on it.

import { CustomKeyStoreInvalidStateException, CustomKeyStoreNotFoundException } from '../kms.errors';
import type { AccountRegion, CustomKeyStoreRecord } from './domain/custom-key-store';
import { storeAllows, type KeyStoreOperation } from './domain/custom-key-store.states';
import { invalidStateMessage } from './domain/invalid-state';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';

export function requireStore(repository: CustomKeyStoreRepository, scope: AccountRegion, customKeyStoreId: string): CustomKeyStoreRecord {
  const store = repository.get(customKeyStoreId);
  // 2.16: custom key stores are not shared across accounts or Regions.
  if (!store || store.accountId !== scope.accountId || store.region !== scope.region) {
    throw new CustomKeyStoreNotFoundException(
      `There is no custom key store ${customKeyStoreId} in account ${scope.accountId}, Region ${scope.region}. List your custom key stores with DescribeCustomKeyStores.`,
    );
  }
  return store;
}

export function requireLegal(store: CustomKeyStoreRecord, operation: KeyStoreOperation): void {
  if (!storeAllows(store.connectionState, operation)) throw new CustomKeyStoreInvalidStateException(invalidStateMessage(store, operation));
}
