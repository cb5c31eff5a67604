// User management over a client connection (aws-behaviour 7.2-7.5, 7.7): createUser, deleteUser,
// changePswd and the CLI's change-mfa, with activation when the PRECO changes its own password (6.6).

import { AuditEvent, AuditSource, fromConnection, type AuditLog } from './audit-log';
import { checkPassword } from './credential.policy';
import type { KeyStore } from './key-store';
import { NodeError, NodeErrorCode, Role, type ConnectionContext, type Principal, type UserView } from './node.types';
import { allows, NodeOperation, requireLogin, requirePermission } from './role-permissions.policy';
import type { SessionRegistry } from './session-registry';
import { APPLIANCE_USER, PRIMARY_ADMIN, userView, type NewUser, type UserDirectory } from './user-directory';
import type { UserRow } from './node-state.repository';

export type CreateUserRequest = NewUser;

export interface UserReference {
  readonly role: Role;
  readonly username: string;
}

export interface ChangePasswordRequest extends UserReference {
  readonly password: string;
  /** Keeps (or sets) 2FA; without it the change removes 2FA (7.5). */
  readonly twoFactorPublicKeyPem?: string;
}

export interface ChangeTwoFactorRequest extends UserReference {
  /** null deregisters 2FA. */
  readonly publicKeyPem: string | null;
}

export class UserAdministration {
  constructor(
    private readonly users: UserDirectory,
    private readonly sessions: SessionRegistry,
    private readonly keys: KeyStore,
    private readonly audit: AuditLog,
    private readonly hsmId: string,
  ) {}

  async createUser(ctx: ConnectionContext, request: CreateUserRequest): Promise<UserView> {
    requirePermission(ctx, NodeOperation.MANAGE_USERS);
    const user = await this.users.create(request);
    this.audit.record({ event: AuditEvent.USER_CREATED, ...fromConnection(ctx), details: { username: user.username, role: user.role, twoFactor: user.twoFactorPublicKeyPem !== undefined } });
    return userView(user);
  }

  async deleteUser(ctx: ConnectionContext, { role, username }: UserReference): Promise<void> {
    requirePermission(ctx, NodeOperation.MANAGE_USERS);
    const user = this.users.requireUser(username, role);
    // 7.1, 7.7: user 1 (admin) and app_user are the HSM's own
    if (user.id === PRIMARY_ADMIN.id || user.id === APPLIANCE_USER.id) {
      throw new NodeError(NodeErrorCode.ROLE_NOT_PERMITTED, `user ${user.id} '${user.username}' belongs to the HSM itself and cannot be deleted`);
    }
    // 7.3: deleteUser cannot delete a logged-in user
    if (this.sessions.isLoggedIn(user.id)) {
      throw new NodeError(NodeErrorCode.USER_LOGGED_IN, `user '${user.username}' is logged in on HSM ${this.hsmId}: it must log out (or its connections close) first`);
    }
    // 7.3: nor a CU that owns keys
    const owned = this.keys.ownedBy(user.id);
    if (owned > 0) {
      throw new NodeError(NodeErrorCode.USER_OWNS_KEYS, `user '${user.username}' owns ${owned} key(s) on HSM ${this.hsmId}: it must delete them first`);
    }
    this.users.remove(user);
    this.audit.record({ event: AuditEvent.USER_DELETED, ...fromConnection(ctx), details: { username: user.username, role: user.role } });
  }

  async changePassword(ctx: ConnectionContext, { role, username, password, twoFactorPublicKeyPem }: ChangePasswordRequest): Promise<UserView> {
    const { principal, user } = this.target(ctx, role, username, 'change a password');
    // 7.4: unlock = a CO changes the user's password
    const unlock = allows(principal.role, NodeOperation.CHANGE_ANY_CREDENTIALS);
    const changed = await this.users.changePassword(user, { password, twoFactorPublicKeyPem, unlock });
    this.audit.record({
      event: AuditEvent.PASSWORD_CHANGED,
      ...fromConnection(ctx),
      details: { username: user.username, role: user.role, twoFactor: changed.twoFactorPublicKeyPem !== undefined, unlocked: user.locked && !changed.locked },
    });
    if (user.role === Role.PRECO) {
      this.sessions.logIn(ctx, { ...principal, role: changed.role });
      this.audit.record({ event: AuditEvent.CLUSTER_ACTIVATED, ...fromConnection(ctx), details: { username: user.username } });
    }
    return userView(changed);
  }

  /**
   * A password changed behind the users' backs (fault injection: kmsuser's password drifts), the way a
   * CO's changePswd changes it: the user is unlocked, and the audit log names `actor`. Only CO and CU
   * users; refused, as changePswd refuses, while the user is logged in on any connection.
   */
  async changePasswordOutOfBand(actor: string, username: string, password: string): Promise<UserView> {
    checkPassword(password);
    const user = this.users.find(username);
    if (!user) throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `there is no user '${username.toLowerCase()}' on HSM ${this.hsmId}`);
    if (user.role !== Role.CO && user.role !== Role.CU) {
      throw new NodeError(NodeErrorCode.ROLE_NOT_PERMITTED, `user '${user.username}' is a ${user.role}: only CO and CU passwords change this way`);
    }
    // 7.3: changePswd cannot target a user who is currently logged in
    if (this.sessions.isLoggedIn(user.id)) {
      throw new NodeError(NodeErrorCode.USER_LOGGED_IN, `user '${user.username}' is logged in on HSM ${this.hsmId}: it must log out first`);
    }
    // SIM: the user's 2FA key is kept (a CO's changePswd without -2fa would remove it); only the password drifts.
    const changed = await this.users.changePassword(user, { password, twoFactorPublicKeyPem: user.twoFactorPublicKeyPem, unlock: true });
    this.audit.record({
      event: AuditEvent.PASSWORD_CHANGED,
      source: AuditSource.NODE,
      actor,
      details: { username: user.username, role: user.role, twoFactor: changed.twoFactorPublicKeyPem !== undefined, unlocked: user.locked && !changed.locked },
    });
    return userView(changed);
  }

  async changeTwoFactor(ctx: ConnectionContext, { role, username, publicKeyPem }: ChangeTwoFactorRequest): Promise<UserView> {
    const { user } = this.target(ctx, role, username, 'change 2FA');
    const changed = this.users.setTwoFactor(user, publicKeyPem);
    this.audit.record({ event: AuditEvent.TWO_FACTOR_CHANGED, ...fromConnection(ctx), details: { username: user.username, enabled: publicKeyPem !== null } });
    return userView(changed);
  }

  /** Any user for itself, a CO for anyone; never a user logged in on another connection. */
  private target(ctx: ConnectionContext, role: Role, username: string, operation: string): { principal: Principal; user: UserRow } {
    const principal = requireLogin(ctx, operation);
    const user = this.users.requireUser(username, role);
    requirePermission(ctx, user.id === principal.userId ? NodeOperation.CHANGE_OWN_CREDENTIALS : NodeOperation.CHANGE_ANY_CREDENTIALS);
    // 7.3: changePswd cannot target a user who is currently logged in
    if (this.sessions.isLoggedInElsewhere(user.id, ctx.connectionId)) {
      throw new NodeError(NodeErrorCode.USER_LOGGED_IN, `user '${user.username}' is logged in on another connection to HSM ${this.hsmId}: it must log out first`);
    }
    return { principal, user };
  }
}
