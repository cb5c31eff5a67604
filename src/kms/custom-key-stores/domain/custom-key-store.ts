// The custom key store record KMS keeps (aws-behaviour 2.0-2.6). `keyStorePassword` is kmsuser's password
// as KMS knows it: an internal secret that never reaches a describe, a log line or an error message.

import { KMSInternalException } from '../../kms.errors';
import type { ConnectionErrorCode } from './connection-error-codes';
import { ConnectionState, nextConnectionState, type ConnectionEvent } from './custom-key-store.states';

export interface AccountRegion {
  readonly accountId: string;
  readonly region: string;
}

/** What KMS built in the cluster's VPC to reach the HSMs (2.2 step 3), released on disconnect. */
export interface KeyStorePlumbing {
  /** `kms-<custom key store id>`. */
  readonly securityGroupId: string;
  readonly networkInterfaceIds: readonly string[];
}

export interface CustomKeyStoreRecord extends AccountRegion {
  readonly [key: string]: unknown;
  readonly customKeyStoreId: string;
  name: string;
  cloudHsmClusterId: string;
  /** The cluster's ClusterCertificate when it was associated: its backup history (2.1, 2.5, open question 17). */
  clusterCertificate: string;
  readonly trustAnchorCertificate: string;
  // Kept sealed at rest under the KMS master key (key-store-password.sealer.ts), in clear only in memory.
  keyStorePassword: string;
  /**
   * The password a connect is rotating kmsuser's to, stored (sealed) before the first HSM changes it and
   * removed once the rotated one is stored: if the simulator dies in between, the next connect logs in
   * with it on the HSMs that already have it, instead of failing with INVALID_CREDENTIALS for ever.
   */
  pendingKeyStorePassword?: string;
  connectionState: ConnectionState;
  /** Only while FAILED. */
  connectionErrorCode?: ConnectionErrorCode;
  readonly creationDate: Date;
  plumbing?: KeyStorePlumbing;
  /** Counts ConnectCustomKeyStore calls that started a connection, so a late result of an older one is ignored. */
  connectionAttempt: number;
}

/** Moves the store through the transition table; a FAILED store carries the reason as its error code. */
export function applyConnectionEvent(store: CustomKeyStoreRecord, event: ConnectionEvent, errorCode?: ConnectionErrorCode): void {
  const next = nextConnectionState(store.connectionState, event);
  if (!next) throw new KMSInternalException(`Custom key store ${store.customKeyStoreId} is ${store.connectionState}; '${event}' is not possible now.`);
  store.connectionState = next;
  if (next === ConnectionState.FAILED && errorCode) store.connectionErrorCode = errorCode;
  else delete store.connectionErrorCode;
  if (event === 'connect') store.connectionAttempt += 1;
}
