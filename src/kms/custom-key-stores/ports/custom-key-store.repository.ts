// Where custom key stores are kept; one transaction per API mutation.

import type { CustomKeyStoreRecord } from '../domain/custom-key-store';

export interface CustomKeyStoreRepository {
  transaction<T>(work: () => T): T;
  get(customKeyStoreId: string): CustomKeyStoreRecord | undefined;
  /** The stores of one account in one Region, oldest first. */
  list(accountId: string, region: string): CustomKeyStoreRecord[];
  all(): CustomKeyStoreRecord[];
  save(store: CustomKeyStoreRecord): void;
  delete(customKeyStoreId: string): void;
}
