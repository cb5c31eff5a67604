// The users a preset gives a cluster, made the way an administrator makes them with cmu: over the
// first HSM's management port, TLS verified against the customer's trust anchor, the PRECO's password
// change (which activates the cluster) and then each crypto user created by the new CO.

import { injectable } from 'tsyringe';
import { tlsClientOptions } from '../../hsm-sim/node/certificates';
import { RpcClient } from '../../hsm-sim/protocol';
import { INITIAL_PRECO_PASSWORD } from '../adapters/appliance/fleet-appliance';
import type { HsmAddress } from '../cloudhsm/ports/hsm-appliance.port';
import type { PresetClusterUsers } from './preset.types';

/** cloudhsm_mgmt_util: the precrypto officer, and later the CO, is called admin. */
const ADMIN = 'admin';
const CONNECT_TIMEOUT_MS = 5_000;

@injectable()
export class PresetHsmUsers {
  /** On an INITIALIZED cluster's only HSM: changePswd PRECO admin, then createUser CU for each crypto user. */
  async activate(address: HsmAddress, trustAnchorPem: string, users: PresetClusterUsers): Promise<void> {
    const client = await RpcClient.connect({ host: address.host, port: address.management, tls: tlsClientOptions(trustAnchorPem), connectTimeoutMs: CONNECT_TIMEOUT_MS });
    try {
      // Getting Started, activate the cluster: log in as PRECO and change its password; it becomes the CO.
      await client.call('login', { role: 'PRECO', username: ADMIN, password: INITIAL_PRECO_PASSWORD });
      await client.call('changePassword', { role: 'PRECO', username: ADMIN, password: users.coPassword });
      await client.call('logout');
      await client.call('login', { role: 'CO', username: ADMIN, password: users.coPassword });
      for (const user of users.cryptoUsers) await client.call('createUser', { role: 'CU', username: user.name, password: user.password });
      await client.call('logout');
    } finally {
      await client.close();
    }
  }
}
