// The custom key store operations of TrentService, each handed to its service with the caller's account
// and Region. src/main registers them with the KMS model, together with the KMS key handlers.

import type { DependencyContainer } from 'tsyringe';
import { CustomKeyStoreConnectionService } from './custom-key-store-connection.service';
import { CustomKeyStoreQueryService, type DescribeCustomKeyStoresInput } from './custom-key-store-query.service';
import { CustomKeyStoreService, type CreateCustomKeyStoreInput, type UpdateCustomKeyStoreInput } from './custom-key-store.service';
import type { AccountRegion } from './domain/custom-key-store';

type Handler = (input: never, context: AccountRegion) => unknown;

export function customKeyStoreHandlers(container: DependencyContainer): Record<string, Handler> {
  const stores = container.resolve(CustomKeyStoreService);
  const queries = container.resolve(CustomKeyStoreQueryService);
  const connections = container.resolve(CustomKeyStoreConnectionService);
  const handlers = {
    CreateCustomKeyStore: (input: CreateCustomKeyStoreInput, scope: AccountRegion) => stores.createCustomKeyStore(scope, input),
    DescribeCustomKeyStores: (input: DescribeCustomKeyStoresInput, scope: AccountRegion) => queries.describeCustomKeyStores(scope, input),
    UpdateCustomKeyStore: (input: UpdateCustomKeyStoreInput, scope: AccountRegion) => stores.updateCustomKeyStore(scope, input),
    DeleteCustomKeyStore: (input: { CustomKeyStoreId: string }, scope: AccountRegion) => stores.deleteCustomKeyStore(scope, input),
    ConnectCustomKeyStore: (input: { CustomKeyStoreId: string }, scope: AccountRegion) => connections.connectCustomKeyStore(scope, input),
    DisconnectCustomKeyStore: (input: { CustomKeyStoreId: string }, scope: AccountRegion) => connections.disconnectCustomKeyStore(scope, input),
  } satisfies Record<string, Handler>;
  return handlers;
}
