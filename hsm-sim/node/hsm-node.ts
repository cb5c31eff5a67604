// One simulated CloudHSM HSM, transport-free: hsm-sim/server calls it per request with the client
// connection's context, hsm-sim/sync calls its replica methods. Users and their rules, key ownership and
// the audit trail are the node's own; key material lives in one engine token (DESIGN decision 3).

import type { HsmEngine } from '../engine/hsm-engine.port';
import { AuditEvent, AuditLog, AuditSource, type AuditEntry } from './audit-log';
import { inspectNode, type NodeInspection } from './node-inspection';
import { ClusterNotifier } from './cluster-notifier';
import { openEngineToken, type EngineToken } from './engine-token';
import { HsmCloning } from './hsm-cloning';
import { HSM_HARDWARE, type HsmInfo } from './hsm-info';
import { keyLimitsFor, type HsmType } from './hsm-type-limits';
import { KeyCreation } from './key-creation';
import {
  KeyManagement,
  type GenerateKeyPairRequest,
  type GenerateKeyRequest,
  type KeyPairViews,
  type SetKeyAttributesRequest,
  type ShareKeyRequest,
  type UnwrapKeyRequest,
  type WrapKeyRequest,
} from './key-management';
import { KeyOperations, type DecryptRequest, type EncryptRequest, type RandomRequest, type SignRequest, type VerifyRequest } from './key-operations';
import { KeyQueries, type FindAllKeysRequest, type FindAllKeysResult, type KeyFilter, type KeyInfo } from './key-queries';
import { recoverKeys } from './key-recovery';
import type { KeyReplica, KeyReplicator } from './key-replica';
import { KeyReplication } from './key-replication';
import { HANDLE_SLOTS, KeyStore } from './key-store';
import type { NodeSnapshot, UserReplica } from './node-snapshot';
import { NodeStateRepository } from './node-state.repository';
import { NodeError, NodeErrorCode, type ConnectionContext, type KeyReference, type KeyView, type UserView } from './node.types';
import { SessionRegistry } from './session-registry';
import { UserAdministration, type ChangePasswordRequest, type ChangeTwoFactorRequest, type CreateUserRequest, type UserReference } from './user-administration';
import { userView, UserDirectory } from './user-directory';
import { UserLogin, type LoginRequest, type LoginResult, type TwoFactorResponse } from './user-login';

export interface HsmNodeOptions {
  /** An open engine, owned by the caller: the node does not close it. */
  readonly engine: HsmEngine;
  /** The node folder: node-state.sqlite and audit.log live here. */
  readonly directory: string;
  readonly hsmId: string;
  readonly serialNumber: string;
  /** 0..31, this HSM's place in its cluster: key handles are `sequence * 32 + slot`. */
  readonly slot: number;
  /** Sets the key limits (aws-behaviour 8.2); default DEFAULT_HSM_TYPE. */
  readonly hsmType?: HsmType;
  /** 32-byte AES key shared by the cluster's HSMs; wraps key material for replication. */
  readonly clusterSyncKey: Buffer;
  /** On a brand-new state: create user 1 'admin' as PRECO with preCoPassword. */
  readonly firstHsm: boolean;
  readonly preCoPassword?: string;
  readonly now?: () => Date;
  readonly replicator?: KeyReplicator;
  /** Hears every audit entry once it is written. */
  readonly onAudit?: (entry: AuditEntry) => void;
}

interface NodeParts {
  readonly options: HsmNodeOptions;
  readonly now: () => Date;
  readonly repository: NodeStateRepository;
  readonly audit: AuditLog;
  readonly users: UserDirectory;
  readonly token: EngineToken;
  readonly keys: KeyStore;
}

export class HsmNode {
  private readonly sessions = new SessionRegistry();
  private readonly authentication: UserLogin;
  private readonly administration: UserAdministration;
  private readonly management: KeyManagement;
  private readonly operations: KeyOperations;
  private readonly queries: KeyQueries;
  private readonly replication: KeyReplication;
  private readonly cloning: HsmCloning;
  private closed = false;

  private constructor(private readonly parts: NodeParts) {
    const { options, now, repository, audit, users, token, keys } = parts;
    const { hsmId } = options;
    const notifier = new ClusterNotifier(token, audit, options.replicator);
    const creation = new KeyCreation(keys, token.session, notifier, audit, now);
    this.authentication = new UserLogin(users, this.sessions, audit, hsmId);
    this.administration = new UserAdministration(users, this.sessions, keys, audit, hsmId);
    this.management = new KeyManagement(keys, users, token.session, creation, notifier, audit);
    this.operations = new KeyOperations(keys, token.session);
    this.queries = new KeyQueries(keys, users, hsmId);
    this.replication = new KeyReplication(keys, token, audit);
    this.cloning = new HsmCloning(repository, users, keys, this.replication, this.sessions, audit, hsmId);
  }

  /** Opens the node over its folder, creating its state, engine token and first users on first use. */
  static async open(options: HsmNodeOptions): Promise<HsmNode> {
    if (!Number.isInteger(options.slot) || options.slot < 0 || options.slot >= HANDLE_SLOTS) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `slot ${options.slot} is not a place in a cluster: use 0-${HANDLE_SLOTS - 1}`);
    }
    const keyLimits = keyLimitsFor(options.hsmType);
    const now = options.now ?? (() => new Date());
    const repository = NodeStateRepository.open(options.directory);
    try {
      const audit = new AuditLog(options.directory, now, options.onAudit);
      const users = new UserDirectory(repository, options.hsmId);
      await users.initialise(options);
      const token = await openEngineToken(options.engine, repository, options.clusterSyncKey);
      try {
        const keys = new KeyStore(repository, options.slot, options.hsmId, keyLimits, await recoverKeys(token.session, repository, audit));
        return new HsmNode({ options, now, repository, audit, users, token, keys });
      } catch (error) {
        await token.session.close();
        throw error;
      }
    } catch (error) {
      repository.close();
      throw error;
    }
  }

  get isActivated(): boolean {
    return this.parts.users.isActivated;
  }

  /** Read-only: users and keys as the web console shows them; never a password hash or key material. */
  inspect(): NodeInspection {
    return inspectNode(this.parts.users, this.parts.keys, this.sessions);
  }

  // --- sessions and users -------------------------------------------------------------------------

  login(ctx: ConnectionContext, request: LoginRequest): Promise<LoginResult> {
    return this.authentication.login(ctx, request);
  }

  completeTwoFactorLogin(ctx: ConnectionContext, response: TwoFactorResponse): Promise<UserView> {
    return this.authentication.completeTwoFactorLogin(ctx, response);
  }

  logout(ctx: ConnectionContext): Promise<void> {
    return this.authentication.logout(ctx);
  }

  /** The client connection closed: its login ends and its session keys are destroyed. */
  async disconnect(ctx: ConnectionContext): Promise<void> {
    this.authentication.logOut(ctx, 'disconnect');
    await this.management.destroySessionKeys(ctx);
  }

  createUser(ctx: ConnectionContext, request: CreateUserRequest): Promise<UserView> {
    return this.administration.createUser(ctx, request);
  }

  deleteUser(ctx: ConnectionContext, request: UserReference): Promise<void> {
    return this.administration.deleteUser(ctx, request);
  }

  changePassword(ctx: ConnectionContext, request: ChangePasswordRequest): Promise<UserView> {
    return this.administration.changePassword(ctx, request);
  }

  /** A password changed from outside any client connection (fault injection); see UserAdministration. */
  changePasswordOutOfBand(actor: string, username: string, password: string): Promise<UserView> {
    return this.administration.changePasswordOutOfBand(actor, username, password);
  }

  changeTwoFactor(ctx: ConnectionContext, request: ChangeTwoFactorRequest): Promise<UserView> {
    return this.administration.changeTwoFactor(ctx, request);
  }

  /** 7.7 listUsers: anyone, no login. */
  listUsers(): UserView[] {
    return this.parts.users.list();
  }

  findUser(username: string): UserView | undefined {
    const user = this.parts.users.find(username);
    return user && userView(user);
  }

  /** 7.7 getHSMInfo: anyone, no login. */
  hsmInfo(): HsmInfo {
    const { options, users, keys } = this.parts;
    return { hsmId: options.hsmId, serialNumber: options.serialNumber, ...HSM_HARDWARE, activated: users.isActivated, keys: keys.count(), users: users.count() };
  }

  // --- keys ---------------------------------------------------------------------------------------

  generateKey(ctx: ConnectionContext, request: GenerateKeyRequest): Promise<KeyView> {
    return this.management.generateKey(ctx, request);
  }

  generateKeyPair(ctx: ConnectionContext, request: GenerateKeyPairRequest): Promise<KeyPairViews> {
    return this.management.generateKeyPair(ctx, request);
  }

  findKeys(ctx: ConnectionContext, filter: KeyFilter = {}): Promise<KeyView[]> {
    return this.queries.findKeys(ctx, filter);
  }

  getKey(ctx: ConnectionContext, reference: KeyReference): Promise<KeyView> {
    return this.queries.getKey(ctx, reference);
  }

  getKeyInfo(ctx: ConnectionContext, reference: KeyReference): Promise<KeyInfo> {
    return this.queries.getKeyInfo(ctx, reference);
  }

  findAllKeys(ctx: ConnectionContext, request: FindAllKeysRequest): Promise<FindAllKeysResult> {
    return this.queries.findAllKeys(ctx, request);
  }

  setKeyAttributes(ctx: ConnectionContext, request: SetKeyAttributesRequest): Promise<KeyView> {
    return this.management.setKeyAttributes(ctx, request);
  }

  shareKey(ctx: ConnectionContext, request: ShareKeyRequest): Promise<KeyView> {
    return this.management.shareKey(ctx, request);
  }

  deleteKey(ctx: ConnectionContext, reference: KeyReference): Promise<void> {
    return this.management.deleteKey(ctx, reference);
  }

  wrapKey(ctx: ConnectionContext, request: WrapKeyRequest): Promise<Buffer> {
    return this.management.wrapKey(ctx, request);
  }

  unwrapKey(ctx: ConnectionContext, request: UnwrapKeyRequest): Promise<KeyView> {
    return this.management.unwrapKey(ctx, request);
  }

  encrypt(ctx: ConnectionContext, request: EncryptRequest): Promise<Buffer> {
    return this.operations.encrypt(ctx, request);
  }

  decrypt(ctx: ConnectionContext, request: DecryptRequest): Promise<Buffer> {
    return this.operations.decrypt(ctx, request);
  }

  sign(ctx: ConnectionContext, request: SignRequest): Promise<Buffer> {
    return this.operations.sign(ctx, request);
  }

  verify(ctx: ConnectionContext, request: VerifyRequest): Promise<boolean> {
    return this.operations.verify(ctx, request);
  }

  publicKey(ctx: ConnectionContext, reference: KeyReference): Promise<Buffer> {
    return this.operations.publicKey(ctx, reference);
  }

  random(ctx: ConnectionContext, request: RandomRequest): Promise<Buffer> {
    return this.operations.random(ctx, request);
  }

  // --- the cluster's side: replicas, users, clones ------------------------------------------------

  exportKeyReplica(handle: number): Promise<KeyReplica> {
    return this.replication.exportKeyReplica(handle);
  }

  importKeyReplica(replica: KeyReplica): Promise<void> {
    return this.replication.importKeyReplica(replica);
  }

  updateKeyReplica(replica: KeyReplica): Promise<void> {
    return this.replication.updateKeyReplica(replica);
  }

  deleteKeyReplica(handle: number): Promise<void> {
    return this.replication.deleteKeyReplica(handle);
  }

  listKeyHandles(): number[] {
    return this.replication.listKeyHandles();
  }

  exportUser(username: string): UserReplica {
    const user = this.parts.users.find(username);
    if (!user) throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `there is no user '${username.toLowerCase()}' on HSM ${this.parts.options.hsmId} to copy`);
    return user;
  }

  importUser(replica: UserReplica): void {
    this.parts.users.import(replica);
    this.parts.audit.record({ event: AuditEvent.USER_IMPORTED, source: AuditSource.CLUSTER_SYNC, details: { username: replica.username.toLowerCase(), id: replica.id } });
  }

  snapshot(): Promise<NodeSnapshot> {
    return this.cloning.snapshot();
  }

  restoreSnapshot(snapshot: NodeSnapshot): Promise<void> {
    return this.cloning.restore(snapshot);
  }

  readAudit(): AuditEntry[] {
    return this.parts.audit.read();
  }

  /** Closes the engine session (its session keys go with it) and the state file; the engine stays open. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.parts.token.session.close();
    this.parts.repository.close();
  }
}
