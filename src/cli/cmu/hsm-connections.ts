// One client connection per HSM address, each verified against the trust anchor; an HSM that cannot be
// reached is kept in the list with the reason, so the tools can name it.

import { tlsClientOptions } from '../../../hsm-sim/node/certificates';
import { RpcClient } from '../../../hsm-sim/protocol';
import { describeConnectFailure } from './connection-failure.format';
import type { HsmEndpoint } from './hsm-endpoint';

export interface ConnectedHsm {
  /** 0-based, in the order given: cloudhsm_mgmt_util's "server N". */
  readonly index: number;
  readonly endpoint: HsmEndpoint;
  readonly client: RpcClient;
}

export interface UnreachableHsm {
  readonly index: number;
  readonly endpoint: HsmEndpoint;
  readonly failure: string;
}

export type HsmConnection = ConnectedHsm | UnreachableHsm;

const CONNECT_TIMEOUT_MS = 5000;

export function isConnected(connection: HsmConnection): connection is ConnectedHsm {
  return 'client' in connection;
}

/** Connects to all at once; resolves when each has connected or failed. */
export function connectHsms(endpoints: readonly HsmEndpoint[], trustAnchorPem: string): Promise<HsmConnection[]> {
  return Promise.all(
    endpoints.map(async (endpoint, index): Promise<HsmConnection> => {
      try {
        const client = await RpcClient.connect({ ...endpoint, tls: tlsClientOptions(trustAnchorPem), connectTimeoutMs: CONNECT_TIMEOUT_MS });
        return { index, endpoint, client };
      } catch (error) {
        return { index, endpoint, failure: describeConnectFailure(error) };
      }
    }),
  );
}

export async function closeHsms(connections: readonly HsmConnection[]): Promise<void> {
  await Promise.all(connections.filter(isConnected).map((connection) => connection.client.close()));
}
