// What happens between CONNECTING and CONNECTED or FAILED (aws-behaviour 2.2 steps 2-6): find the cluster,
// its ACTIVE HSMs and its subnets, build the ENIs, reach every ACTIVE HSM on port 2223 over TLS verified
// against the store's trust anchor, log in as kmsuser, and rotate kmsuser's password on every HSM.

import { inject, injectable } from 'tsyringe';
import { NodeError } from '../../../hsm-sim/node/node.types';
import { HsmState } from '../../cloudhsm/domain/hsm.states';
import type { HsmClientTimeouts } from './custom-key-store.durations';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import { ClusterCondition, ConnectFailure, ConnectionErrorCode, connectionErrorCodeOf } from './domain/connection-error-codes';
import type { CustomKeyStoreRecord } from './domain/custom-key-store';
import { KMSUSER, newKmsuserPassword } from './domain/kmsuser';
import { KeyStoreInterfaces } from './key-store-interfaces';
import { KmsUserSession } from './kmsuser-session';
import type { ClusterDirectory, ClusterFacts, ClusterHsm } from './ports/cluster-directory.port';
import type { KeyStoreNetwork } from './ports/key-store-network.port';

export type ConnectOutcome =
  | { readonly connected: true; readonly sessions: readonly KmsUserSession[]; readonly password: string }
  | { readonly connected: false; readonly errorCode: ConnectionErrorCode; readonly reason: string };

@injectable()
export class KeyStoreConnector {
  constructor(
    @inject(CustomKeyStoreTokens.ClusterDirectory) private readonly directory: ClusterDirectory,
    @inject(CustomKeyStoreTokens.Network) private readonly network: KeyStoreNetwork,
    @inject(CustomKeyStoreTokens.HsmClientTimeouts) private readonly timeouts: HsmClientTimeouts,
    @inject(KeyStoreInterfaces) private readonly interfaces: KeyStoreInterfaces,
  ) {}

  /**
   * On failure nothing is left behind: sessions closed, ENIs and security group released.
   * `beforeRotation` stores the new password before any HSM has it (see pendingKeyStorePassword).
   */
  async connect(store: CustomKeyStoreRecord, beforeRotation: (password: string) => void = () => undefined): Promise<ConnectOutcome> {
    const sessions: KmsUserSession[] = [];
    try {
      const cluster = this.locate(store);
      const active = requireActiveHsms(cluster);
      this.requireSubnets(store, cluster);
      // Left over from an attempt a simulator restart interrupted.
      this.interfaces.release(store.customKeyStoreId);
      this.interfaces.build(store, cluster);
      for (const hsm of active) sessions.push(await this.logIn(store, hsm));
      const password = newKmsuserPassword();
      beforeRotation(password);
      await rotate(sessions, store.keyStorePassword, password);
      return { connected: true, sessions, password };
    } catch (error) {
      await Promise.all(sessions.map((session) => session.abandon()));
      this.interfaces.release(store.customKeyStoreId);
      return { connected: false, errorCode: connectionErrorCodeOf(error), reason: error instanceof Error ? error.message : String(error) };
    }
  }

  // 2.2 step 2: locate the cluster.
  private locate(store: CustomKeyStoreRecord): ClusterFacts {
    const cluster = this.directory.cluster(store.accountId, store.region, store.cloudHsmClusterId);
    if (!cluster) throw new ConnectFailure(ClusterCondition.CLUSTER_NOT_FOUND, `cluster ${store.cloudHsmClusterId} does not exist`);
    return cluster;
  }

  // 2.2 step 2: every configured subnet still exists; step 3: each has a free address for KMS's ENI.
  private requireSubnets(store: CustomKeyStoreRecord, cluster: ClusterFacts): void {
    for (const [zone, subnetId] of Object.entries(cluster.subnetMapping)) {
      const subnet = this.network.subnet(store.accountId, store.region, subnetId);
      if (!subnet) throw new ConnectFailure(ClusterCondition.SUBNET_NOT_FOUND, `subnet ${subnetId} (${zone}) of cluster ${cluster.clusterId} does not exist`);
      if (subnet.freeAddresses < 1) throw new ConnectFailure(ClusterCondition.NO_FREE_ADDRESS, `subnet ${subnetId} (${zone}) of cluster ${cluster.clusterId} has no free address`);
    }
  }

  // 2.2 step 4: log in as kmsuser with the stored password.
  private async logIn(store: CustomKeyStoreRecord, hsm: ClusterHsm): Promise<KmsUserSession> {
    if (!hsm.endpoint) throw new ConnectFailure(ClusterCondition.HSM_NOT_RUNNING, `HSM ${hsm.hsmId} is ACTIVE but does not listen`);
    const session = await KmsUserSession.open(hsm.hsmId, hsm.endpoint, store.trustAnchorCertificate, this.timeouts);
    try {
      if ((await this.logInWithStoredPassword(session, store)) === 'twoFactorChallenge') {
        throw new ConnectFailure(ClusterCondition.TWO_FACTOR_CHALLENGE, `${KMSUSER} on HSM ${hsm.hsmId} has 2FA; KMS cannot complete its login`);
      }
      return session;
    } catch (error) {
      await session.abandon();
      throw error;
    }
  }

  /**
   * SIM: a rotation the simulator did not live to finish left some HSMs with the pending password; AWS
   * keeps its own bookkeeping of this private. One failed login is counted on such an HSM (locked at 5).
   */
  private async logInWithStoredPassword(session: KmsUserSession, store: CustomKeyStoreRecord): Promise<'loggedIn' | 'twoFactorChallenge'> {
    try {
      return await session.logIn(store.keyStorePassword);
    } catch (error) {
      const pending = store.pendingKeyStorePassword;
      if (pending === undefined || !(error instanceof NodeError) || connectionErrorCodeOf(error) !== ConnectionErrorCode.INVALID_CREDENTIALS) throw error;
      return session.logIn(pending);
    }
  }
}

// 2.2: connect needs at least one ACTIVE HSM.
function requireActiveHsms(cluster: ClusterFacts): ClusterHsm[] {
  const active = cluster.hsms.filter((hsm) => hsm.state === HsmState.ACTIVE);
  if (active.length === 0) {
    const others = cluster.hsms.map((hsm) => `${hsm.hsmId} ${hsm.state}`).join(', ');
    throw new ConnectFailure(ClusterCondition.NO_ACTIVE_HSM, `cluster ${cluster.clusterId} has no ACTIVE HSM${others ? ` (${others})` : ''}`);
  }
  return active;
}

/**
 * 2.2 step 5: the new password on every HSM (users are not synchronised between HSMs). When one HSM
 * refuses, those already changed go back to the stored password, so the store's password stays true.
 */
async function rotate(sessions: readonly KmsUserSession[], current: string, next: string): Promise<void> {
  const changed: KmsUserSession[] = [];
  try {
    for (const session of sessions) {
      await session.changePassword(next);
      changed.push(session);
    }
  } catch (error) {
    for (const session of changed) await session.changePassword(current).catch(() => undefined);
    throw error;
  }
}
