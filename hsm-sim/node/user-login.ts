// Logging in and out of one client connection (aws-behaviour 7.4, 7.5): role check, password, failure
// counter and lockout, and the 2FA challenge for users with a registered key.

import { randomBytes, verify } from 'node:crypto';
import { AuditEvent, fromConnection, type AuditLog } from './audit-log';
import { checkRole } from './credential.policy';
import { NodeLimits } from './node-limits';
import type { UserRow } from './node-state.repository';
import { NodeError, NodeErrorCode, Role, type ConnectionContext, type UserView } from './node.types';
import { verifyPassword } from './password-hash';
import type { SessionRegistry } from './session-registry';
import { userView, type UserDirectory } from './user-directory';

export interface LoginRequest {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
}

export type LoginResult = { readonly user: UserView } | { readonly twoFactorChallenge: Buffer };

export interface TwoFactorResponse {
  /** RSA PKCS#1 v1.5 SHA-256 signature of the challenge by the user's registered key. */
  readonly signature: Buffer;
}

const CHALLENGE_BYTES = 32;

export class UserLogin {
  constructor(
    private readonly users: UserDirectory,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditLog,
    private readonly hsmId: string,
  ) {}

  /** Every refused attempt is audited as login-failed with the code it failed with. */
  async login(ctx: ConnectionContext, request: LoginRequest): Promise<LoginResult> {
    try {
      return await this.attempt(ctx, request);
    } catch (error) {
      const reason = error instanceof NodeError ? error.code : 'error';
      this.audit.record({ event: AuditEvent.LOGIN_FAILED, ...fromConnection(ctx), details: { username: String(request.username).toLowerCase(), role: String(request.role), reason } });
      throw error;
    }
  }

  private async attempt(ctx: ConnectionContext, { role, username, password }: LoginRequest): Promise<LoginResult> {
    if (ctx.principal) {
      throw new NodeError(NodeErrorCode.SESSION_LOGGED_IN, `this connection is already logged in as '${ctx.principal.username}': log out first`);
    }
    checkRole(role);
    // 7.7 loginHSM: PRECO, CO and CU log in; the appliance user is AWS's own
    if (role === Role.AU) throw new NodeError(NodeErrorCode.ROLE_NOT_PERMITTED, 'the appliance user (AU) cannot log in: log in as a CO or CU');
    const user = this.users.requireUser(username, role);
    // SIM: until the PRECO activates the HSM, nobody else logs in (NOT_INITIALIZED)
    if (!this.users.isActivated && user.role !== Role.PRECO) {
      throw new NodeError(NodeErrorCode.NOT_INITIALIZED, `HSM ${this.hsmId} is not activated: the precrypto officer (PRECO) must log in and change its password first`);
    }
    if (user.locked) {
      throw new NodeError(NodeErrorCode.USER_LOCKED, `user '${user.username}' on HSM ${this.hsmId} is locked after ${NodeLimits.maxLoginFailures} failed logins: a CO must change its password`);
    }
    if (!(await verifyPassword(password, user.passwordHash))) throw this.failedLogin(ctx, user);
    this.users.resetLoginFailures(user);
    if (!user.twoFactorPublicKeyPem) return { user: this.complete(ctx, user) };
    const challenge = randomBytes(CHALLENGE_BYTES);
    ctx.pendingTwoFactor = { userId: user.id, challenge };
    this.audit.record({ event: AuditEvent.TWO_FACTOR_CHALLENGE, ...fromConnection(ctx), details: { username: user.username } });
    return { twoFactorChallenge: challenge };
  }

  // 7.5: the user signs the challenge with its registered RSA key (sha256WithRSAEncryption)
  async completeTwoFactorLogin(ctx: ConnectionContext, { signature }: TwoFactorResponse): Promise<UserView> {
    const pending = ctx.pendingTwoFactor;
    if (!pending) throw new NodeError(NodeErrorCode.NOT_LOGGED_IN, 'no login on this connection is waiting for a 2FA signature: log in first');
    delete ctx.pendingTwoFactor;
    const user = this.users.byId(pending.userId);
    if (!user?.twoFactorPublicKeyPem || !signatureVerifies(pending.challenge, user.twoFactorPublicKeyPem, signature)) {
      this.audit.record({ event: AuditEvent.LOGIN_FAILED, ...fromConnection(ctx), details: { username: user?.username ?? null, reason: NodeErrorCode.TWO_FACTOR_FAILED } });
      throw new NodeError(
        NodeErrorCode.TWO_FACTOR_FAILED,
        'the signature does not verify with the 2FA key registered for the user: sign the challenge with its private key (RSA, SHA-256), after logging in again for a new challenge',
      );
    }
    return this.complete(ctx, user);
  }

  async logout(ctx: ConnectionContext): Promise<void> {
    if (!ctx.principal) {
      delete ctx.pendingTwoFactor;
      throw new NodeError(NodeErrorCode.NOT_LOGGED_IN, 'nobody is logged in on this connection');
    }
    this.logOut(ctx, 'logout');
  }

  /** Ends the login of a connection, if any. */
  logOut(ctx: ConnectionContext, reason: 'logout' | 'disconnect'): void {
    const audit = fromConnection(ctx);
    const principal = this.sessions.logOut(ctx);
    if (principal) this.audit.record({ event: AuditEvent.LOGOUT, ...audit, details: { reason } });
  }

  private complete(ctx: ConnectionContext, user: UserRow): UserView {
    this.sessions.logIn(ctx, { userId: user.id, username: user.username, role: user.role });
    this.audit.record({ event: AuditEvent.LOGIN, ...fromConnection(ctx), details: { role: user.role } });
    return userView(user);
  }

  private failedLogin(ctx: ConnectionContext, user: UserRow): NodeError {
    const after = this.users.recordLoginFailure(user);
    if (after.locked && !user.locked) this.audit.record({ event: AuditEvent.USER_LOCKED, ...fromConnection(ctx), details: { username: user.username } });
    return new NodeError(
      NodeErrorCode.LOGIN_FAILED,
      `wrong password for ${user.role} '${user.username}' on HSM ${this.hsmId} (${after.loginFailures} consecutive failures; the user is locked at ${NodeLimits.maxLoginFailures})`,
    );
  }
}

function signatureVerifies(challenge: Buffer, publicKeyPem: string, signature: Buffer): boolean {
  try {
    return verify('sha256', challenge, publicKeyPem, signature);
  } catch {
    return false;
  }
}
