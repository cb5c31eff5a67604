// The sessions each connected store holds, one per HSM (aws-behaviour 2.2 step 6), and the work done on
// them: an operation goes to an open session and fails over to the next when an HSM stops answering; a
// session whose connection closed is opened again, with the stored password, when it is next needed (3.6).
// One instance per simulator: register it as a singleton.

import { inject, injectable } from 'tsyringe';
import { SerialQueue } from '../../../hsm-sim/engine/serial-queue';
import { RpcConnectionError, RpcConnectionErrorCode } from '../../../hsm-sim/protocol/rpc-connection-error';
import { HsmState } from '../../cloudhsm/domain/hsm.states';
import type { HsmClientTimeouts } from './custom-key-store.durations';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { CustomKeyStoreRecord } from './domain/custom-key-store';
import { ConnectionState } from './domain/custom-key-store.states';
import { KmsUserSession } from './kmsuser-session';
import type { ClusterDirectory, ClusterHsm, HsmEndpoint } from './ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';

/** A session could not be opened because the HSM did not finish the TCP/TLS handshake in time. */
const CONNECT_TIMED_OUT = 'connect-timed-out';

/** No HSM of the store's cluster could do the work: none reachable, or none would let kmsuser in. */
export class NoReachableHsmError extends Error {
  override readonly name = 'NoReachableHsmError';

  /**
   * timedOut: an HSM took the request and did not answer in time (it may be hung), rather than refusing it.
   * connectTimedOut: an HSM without a session did not even finish the handshake in time.
   */
  constructor(
    message: string,
    readonly timedOut = false,
    readonly connectTimedOut = false,
  ) {
    super(message);
  }
}

interface LiveStore {
  readonly sessions: Map<string, KmsUserSession>;
  readonly opening: Map<string, Promise<KmsUserSession | typeof CONNECT_TIMED_OUT | undefined>>;
  /** Connect and disconnect of one store run one at a time. */
  readonly queue: SerialQueue;
  /** Which open session takes the next operation. */
  turn: number;
}

@injectable()
export class KeyStoreSessions {
  private readonly stores = new Map<string, LiveStore>();

  constructor(
    @inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository,
    @inject(CustomKeyStoreTokens.ClusterDirectory) private readonly directory: ClusterDirectory,
    @inject(CustomKeyStoreTokens.HsmClientTimeouts) private readonly timeouts: HsmClientTimeouts,
  ) {}

  serialized<T>(customKeyStoreId: string, task: () => Promise<T>): Promise<T> {
    return this.live(customKeyStoreId).queue.run(task);
  }

  /** Keeps the sessions a connect opened. */
  adopt(customKeyStoreId: string, sessions: readonly KmsUserSession[]): void {
    for (const session of sessions) this.keep(customKeyStoreId, session);
  }

  openSessions(customKeyStoreId: string): KmsUserSession[] {
    return [...this.live(customKeyStoreId).sessions.values()].filter((session) => session.isOpen);
  }

  /** 2.3: logs kmsuser out of every HSM and closes the connections. */
  async closeAll(customKeyStoreId: string): Promise<void> {
    const live = this.live(customKeyStoreId);
    const sessions = [...live.sessions.values()];
    live.sessions.clear();
    await Promise.all(sessions.map((session) => session.close()));
  }

  /** After a simulator restart: logs in again on every ACTIVE HSM of a CONNECTED store; HSMs that refuse are retried when needed. */
  async reopenAll(store: CustomKeyStoreRecord): Promise<void> {
    const cluster = this.directory.cluster(store.accountId, store.region, store.cloudHsmClusterId);
    const open = new Set(this.openSessions(store.customKeyStoreId).map((session) => session.hsmId));
    const closed = (cluster?.hsms ?? []).filter(isUsable).filter((hsm) => !open.has(hsm.hsmId));
    await Promise.all(closed.map((hsm) => this.reopen(store, hsm)));
  }

  /**
   * Runs `work` on one session of the store. A transport failure (the HSM died, hung or went away) closes
   * that session and the work goes to the next; an HSM's own answer (a NodeError) is the result.
   */
  async withSession<T>(store: CustomKeyStoreRecord, work: (session: KmsUserSession) => Promise<T>): Promise<T> {
    const tried = new Set<string>();
    const opening = { connectTimedOut: false };
    let timedOut = false;
    for (let session = await this.next(store, tried, opening); session; session = await this.next(store, tried, opening)) {
      tried.add(session.hsmId);
      try {
        return await work(session);
      } catch (error) {
        if (!(error instanceof RpcConnectionError)) throw error;
        timedOut ||= error.code === RpcConnectionErrorCode.TIMED_OUT;
        this.forget(store.customKeyStoreId, session);
        await session.abandon();
      }
    }
    throw new NoReachableHsmError(`no HSM of cluster ${store.cloudHsmClusterId} answered on its port 2223 with kmsuser logged in (tried ${[...tried].join(', ') || 'none'})`, timedOut, opening.connectTimedOut);
  }

  private async next(store: CustomKeyStoreRecord, tried: Set<string>, opening: { connectTimedOut: boolean }): Promise<KmsUserSession | undefined> {
    // SIM: KMS spreads a store's requests over the cluster's HSMs; here they take turns.
    const untried = this.openSessions(store.customKeyStoreId).filter((session) => !tried.has(session.hsmId));
    if (untried.length > 0) return untried[this.live(store.customKeyStoreId).turn++ % untried.length];
    const cluster = this.directory.cluster(store.accountId, store.region, store.cloudHsmClusterId);
    for (const hsm of cluster?.hsms ?? []) {
      if (!isUsable(hsm) || tried.has(hsm.hsmId)) continue;
      const session = await this.reopen(store, hsm);
      if (session === CONNECT_TIMED_OUT) opening.connectTimedOut = true;
      else if (session) return session;
      tried.add(hsm.hsmId);
    }
    return undefined;
  }

  /** A new session on one HSM, logged in with the stored password; undefined when the HSM is unreachable or refuses. */
  private reopen(store: CustomKeyStoreRecord, hsm: ReachableHsm): Promise<KmsUserSession | typeof CONNECT_TIMED_OUT | undefined> {
    const live = this.live(store.customKeyStoreId);
    const pending = live.opening.get(hsm.hsmId);
    if (pending) return pending;
    const opening = this.logIn(store, hsm).finally(() => live.opening.delete(hsm.hsmId));
    live.opening.set(hsm.hsmId, opening);
    return opening;
  }

  private async logIn(store: CustomKeyStoreRecord, hsm: ReachableHsm): Promise<KmsUserSession | typeof CONNECT_TIMED_OUT | undefined> {
    const session = await KmsUserSession.open(hsm.hsmId, hsm.endpoint, store.trustAnchorCertificate, this.timeouts).catch((error: unknown) =>
      error instanceof RpcConnectionError && error.code === RpcConnectionErrorCode.TIMED_OUT ? CONNECT_TIMED_OUT : undefined,
    );
    if (!session || session === CONNECT_TIMED_OUT) return session;
    const loggedIn = await session.logIn(store.keyStorePassword).then(
      (result) => result === 'loggedIn',
      () => false,
    );
    // The store may have been disconnected while this login was under way.
    if (!loggedIn || this.repository.get(store.customKeyStoreId)?.connectionState !== ConnectionState.CONNECTED) {
      await session.abandon();
      return undefined;
    }
    this.keep(store.customKeyStoreId, session);
    return session;
  }

  private keep(customKeyStoreId: string, session: KmsUserSession): void {
    this.live(customKeyStoreId).sessions.set(session.hsmId, session);
    session.onClose(() => this.forget(customKeyStoreId, session));
  }

  private forget(customKeyStoreId: string, session: KmsUserSession): void {
    const sessions = this.live(customKeyStoreId).sessions;
    if (sessions.get(session.hsmId) === session) sessions.delete(session.hsmId);
  }

  private live(customKeyStoreId: string): LiveStore {
    let live = this.stores.get(customKeyStoreId);
    if (!live) {
      live = { sessions: new Map(), opening: new Map(), queue: new SerialQueue(), turn: 0 };
      this.stores.set(customKeyStoreId, live);
    }
    return live;
  }
}

type ReachableHsm = ClusterHsm & { readonly endpoint: HsmEndpoint };

function isUsable(hsm: ClusterHsm): hsm is ReachableHsm {
  return hsm.state === HsmState.ACTIVE && hsm.endpoint !== undefined;
}
