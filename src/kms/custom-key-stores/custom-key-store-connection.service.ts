// ConnectCustomKeyStore and DisconnectCustomKeyStore (aws-behaviour 2.2, 2.3): synchronous checks and the
// state change, then the long part through the scheduler; and after a simulator restart, the connections
// as they were.

import { inject, injectable } from 'tsyringe';
import { Tokens } from '../../shared/injection-tokens';
import type { Logger } from '../../shared/logger';
import type { Scheduler } from '../../shared/scheduler';
import { ClusterPrerequisites } from './cluster-prerequisites';
import { CustomKeyStoreDurations } from './custom-key-store.durations';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import { applyConnectionEvent, type AccountRegion, type CustomKeyStoreRecord } from './domain/custom-key-store';
import { ConnectionState, KeyStoreOperation } from './domain/custom-key-store.states';
import { KeyStoreConnector } from './key-store-connector';
import { KeyStoreInterfaces } from './key-store-interfaces';
import { KeyStoreSessions } from './key-store-sessions';
import { OrphanBackingKeyAudit } from './orphan-backing-key.audit';
import type { ClusterDirectory } from './ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';
import { requireLegal, requireStore } from './require-store';

@injectable()
export class CustomKeyStoreConnectionService {
  constructor(
    @inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository,
    @inject(CustomKeyStoreTokens.ClusterDirectory) private readonly directory: ClusterDirectory,
    @inject(CustomKeyStoreTokens.Scheduler) private readonly scheduler: Scheduler,
    @inject(Tokens.Logger) private readonly logger: Logger,
    @inject(ClusterPrerequisites) private readonly prerequisites: ClusterPrerequisites,
    @inject(KeyStoreConnector) private readonly connector: KeyStoreConnector,
    @inject(KeyStoreInterfaces) private readonly interfaces: KeyStoreInterfaces,
    @inject(KeyStoreSessions) private readonly sessions: KeyStoreSessions,
    /** Absent in tests that build the service by hand. */
    @inject(OrphanBackingKeyAudit) private readonly orphans?: OrphanBackingKeyAudit,
  ) {}

  connectCustomKeyStore(scope: AccountRegion, input: { CustomKeyStoreId: string }): Record<string, never> {
    const attempt = this.repository.transaction(() => {
      const store = requireStore(this.repository, scope, input.CustomKeyStoreId);
      requireLegal(store, KeyStoreOperation.CONNECT);
      if (store.connectionState !== ConnectionState.DISCONNECTED) return undefined;
      // 2.2: a cluster that is gone is no synchronous error; the connection fails with CLUSTER_NOT_FOUND.
      const cluster = this.directory.cluster(scope.accountId, scope.region, store.cloudHsmClusterId);
      if (cluster) {
        this.prerequisites.requireActive(cluster);
        // SIM (open question 3): a cluster without an ACTIVE HSM passes here and fails as INSUFFICIENT_CLOUDHSM_HSMS.
        this.prerequisites.requireNetwork(scope, cluster);
      }
      applyConnectionEvent(store, 'connect');
      this.repository.save(store);
      return store.connectionAttempt;
    });
    if (attempt !== undefined) this.scheduleConnect(input.CustomKeyStoreId, attempt, CustomKeyStoreDurations.connect);
    return {};
  }

  disconnectCustomKeyStore(scope: AccountRegion, input: { CustomKeyStoreId: string }): Record<string, never> {
    this.repository.transaction(() => {
      const store = requireStore(this.repository, scope, input.CustomKeyStoreId);
      requireLegal(store, KeyStoreOperation.DISCONNECT);
      applyConnectionEvent(store, 'disconnect');
      this.repository.save(store);
    });
    this.scheduleDisconnect(input.CustomKeyStoreId, CustomKeyStoreDurations.disconnect);
    return {};
  }

  /** After a simulator restart, once the HSMs run again: CONNECTED stores log in again, and interrupted transitions finish. */
  async resumeConnections(): Promise<void> {
    for (const store of this.repository.all()) {
      if (store.connectionState === ConnectionState.CONNECTED) await this.sessions.reopenAll(store);
      if (store.connectionState === ConnectionState.CONNECTING) this.scheduleConnect(store.customKeyStoreId, store.connectionAttempt, 0);
      if (store.connectionState === ConnectionState.DISCONNECTING) this.scheduleDisconnect(store.customKeyStoreId, 0);
    }
  }

  private scheduleConnect(customKeyStoreId: string, attempt: number, awsDurationMs: number): void {
    this.scheduler.after(awsDurationMs, () => this.sessions.serialized(customKeyStoreId, () => this.finishConnect(customKeyStoreId, attempt)));
  }

  private scheduleDisconnect(customKeyStoreId: string, awsDurationMs: number): void {
    this.scheduler.after(awsDurationMs, () => this.sessions.serialized(customKeyStoreId, () => this.finishDisconnect(customKeyStoreId)));
  }

  private async finishConnect(customKeyStoreId: string, attempt: number): Promise<void> {
    const store = this.repository.get(customKeyStoreId);
    if (!isAttempt(store, attempt)) return;
    // Write-ahead: the new password is stored before any HSM has it, so a crash mid-rotation is recoverable.
    const outcome = await this.connector.connect(store, (password) =>
      this.repository.transaction(() => {
        const current = this.repository.get(customKeyStoreId);
        if (!current) return;
        current.pendingKeyStorePassword = password;
        this.repository.save(current);
      }),
    );
    if (!outcome.connected) {
      this.repository.transaction(() => {
        const current = this.repository.get(customKeyStoreId);
        if (!isAttempt(current, attempt)) return;
        applyConnectionEvent(current, 'connectFailed', outcome.errorCode);
        this.repository.save(current);
      });
      this.logger.log('warn', 'custom key store connection failed', { customKeyStoreId, connectionErrorCode: outcome.errorCode, reason: outcome.reason });
      return;
    }
    const stillWanted = this.repository.transaction(() => {
      const current = this.repository.get(customKeyStoreId)!;
      // 2.2 step 5: the rotated password is stored before the store is CONNECTED, and kept even when a
      // disconnect came meanwhile: the HSMs have it now.
      current.keyStorePassword = outcome.password;
      delete current.pendingKeyStorePassword;
      const wanted = isAttempt(current, attempt);
      if (wanted) applyConnectionEvent(current, 'connected');
      this.repository.save(current);
      return wanted;
    });
    if (!stillWanted) {
      await Promise.all(outcome.sessions.map((session) => session.close()));
      return;
    }
    this.sessions.adopt(customKeyStoreId, outcome.sessions);
    this.logger.log('info', 'custom key store connected', { customKeyStoreId, cloudHsmClusterId: store.cloudHsmClusterId, hsms: outcome.sessions.map((session) => session.hsmId) });
    void this.orphans?.report(customKeyStoreId, outcome.sessions);
  }

  // 2.3: log kmsuser out, disconnect, delete the ENIs and the security group.
  private async finishDisconnect(customKeyStoreId: string): Promise<void> {
    if (this.repository.get(customKeyStoreId)?.connectionState !== ConnectionState.DISCONNECTING) return;
    await this.sessions.closeAll(customKeyStoreId);
    this.interfaces.release(customKeyStoreId);
    this.repository.transaction(() => {
      const current = this.repository.get(customKeyStoreId)!;
      applyConnectionEvent(current, 'disconnected');
      this.repository.save(current);
    });
  }
}

function isAttempt(store: CustomKeyStoreRecord | undefined, attempt: number): store is CustomKeyStoreRecord {
  return store?.connectionState === ConnectionState.CONNECTING && store.connectionAttempt === attempt;
}
