// Record -> CustomKeyStoresListEntry (aws-behaviour 2.0). The password is never part of it.

import type { ConnectionErrorCode } from './connection-error-codes';
import { ConnectionState } from './custom-key-store.states';
import type { CustomKeyStoreRecord } from './custom-key-store';

export interface CustomKeyStoresListEntry {
  readonly CustomKeyStoreId: string;
  readonly CustomKeyStoreName: string;
  readonly CloudHsmClusterId: string;
  readonly TrustAnchorCertificate: string;
  readonly ConnectionState: ConnectionState;
  readonly ConnectionErrorCode?: ConnectionErrorCode;
  readonly CreationDate: Date;
  readonly CustomKeyStoreType: 'AWS_CLOUDHSM';
}

export function customKeyStoreView(store: CustomKeyStoreRecord): CustomKeyStoresListEntry {
  return {
    CustomKeyStoreId: store.customKeyStoreId,
    CustomKeyStoreName: store.name,
    CloudHsmClusterId: store.cloudHsmClusterId,
    TrustAnchorCertificate: store.trustAnchorCertificate,
    ConnectionState: store.connectionState,
    // 2.0: ConnectionErrorCode only when ConnectionState is FAILED.
    ...(store.connectionState === ConnectionState.FAILED && store.connectionErrorCode ? { ConnectionErrorCode: store.connectionErrorCode } : {}),
    CreationDate: store.creationDate,
    CustomKeyStoreType: 'AWS_CLOUDHSM',
  };
}
