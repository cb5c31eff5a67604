// The HSM's users: ids, names, roles, password hashes, 2FA keys, failed-login counters and activation,
// with the rules on each (aws-behaviour 7.1-7.5). Durable in the node's state file.

import { checkPassword, checkRole, normalizeUsername, parseTwoFactorKey, sameRole } from './credential.policy';
import { NodeLimits } from './node-limits';
import type { UserReplica } from './node-snapshot';
import { MetaName, type NodeStateRepository, type UserRow } from './node-state.repository';
import { NodeError, NodeErrorCode, Role, type UserView } from './node.types';
import { hashPassword, unusablePasswordHash } from './password-hash';

export const PRIMARY_ADMIN = { id: 1, username: 'admin' } as const;
export const APPLIANCE_USER = { id: 2, username: 'app_user' } as const;

export interface NewUser {
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly twoFactorPublicKeyPem?: string | undefined;
}

export interface PasswordChange {
  readonly password: string;
  /** Absent: 2FA is removed (7.5: changing the password without -2fa removes 2FA). */
  readonly twoFactorPublicKeyPem?: string | undefined;
  /** A CO changed it: the user is unlocked and its failure counter reset (7.4). */
  readonly unlock: boolean;
}

export interface NewHsmUsers {
  readonly firstHsm: boolean;
  readonly preCoPassword?: string | undefined;
}

export function userView(user: UserRow): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    loginFailures: user.loginFailures,
    locked: user.locked,
    twoFactor: user.twoFactorPublicKeyPem !== undefined,
  };
}

export class UserDirectory {
  constructor(
    private readonly repository: NodeStateRepository,
    private readonly hsmId: string,
  ) {}

  /** On a brand-new state: app_user on every HSM, and the PRECO on the first HSM of a never-activated cluster. */
  async initialise({ firstHsm, preCoPassword }: NewHsmUsers): Promise<void> {
    if (this.repository.meta(MetaName.LAST_USER_ID) !== undefined) return;
    // 7.1: the PRECO exists only on the first HSM of a never-activated cluster
    const precoHash = firstHsm ? await hashPassword(this.checkedPreCoPassword(preCoPassword)) : undefined;
    const applianceHash = await unusablePasswordHash();
    this.repository.transaction(() => {
      const blank = { loginFailures: 0, locked: false };
      if (precoHash) this.repository.saveUser({ ...PRIMARY_ADMIN, role: Role.PRECO, passwordHash: precoHash, ...blank });
      // 7.1: app_user (AU) exists on every HSM
      this.repository.saveUser({ ...APPLIANCE_USER, role: Role.AU, passwordHash: applianceHash, ...blank });
      this.repository.setMeta(MetaName.LAST_USER_ID, String(APPLIANCE_USER.id));
      this.repository.setMeta(MetaName.ACTIVATED, 'false');
    });
  }

  get isActivated(): boolean {
    return this.repository.meta(MetaName.ACTIVATED) === 'true';
  }

  list(): UserView[] {
    return this.repository.users().map(userView);
  }

  count(): number {
    return this.repository.userCount();
  }

  find(username: string): UserRow | undefined {
    return this.repository.userByName(normalizeUsername(username));
  }

  byId(id: number): UserRow | undefined {
    return this.repository.userById(id);
  }

  /** The user with this name and role (PCO and CO alike); USER_NOT_FOUND otherwise. */
  requireUser(username: string, role: Role): UserRow {
    checkRole(role);
    const user = this.find(username);
    if (!user) {
      throw new NodeError(
        NodeErrorCode.USER_NOT_FOUND,
        `there is no user '${username.toLowerCase()}' on HSM ${this.hsmId}: create it there, or copy it from another HSM (syncUser)`,
      );
    }
    if (!sameRole(role, user.role)) {
      throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `there is no ${role} '${user.username}' on HSM ${this.hsmId}; '${user.username}' is a ${user.role}`);
    }
    return user;
  }

  async create({ role, username, password, twoFactorPublicKeyPem }: NewUser): Promise<UserRow> {
    // 7.7 createUser: CMU creates CO (PCO is a CO) and CU users
    if (role !== Role.CO && role !== Role.PCO && role !== Role.CU) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `users are created as CO or CU, not ${String(role)}`);
    }
    const name = normalizeUsername(username);
    checkPassword(password);
    if (twoFactorPublicKeyPem !== undefined) parseTwoFactorKey(twoFactorPublicKeyPem);
    this.requireFreeName(name);
    const passwordHash = await hashPassword(password);
    return this.repository.transaction(() => {
      this.requireFreeName(name);
      this.requireRoom();
      const id = Number(this.repository.meta(MetaName.LAST_USER_ID)) + 1;
      const user: UserRow = {
        id,
        username: name,
        role: role === Role.PCO ? Role.CO : role,
        passwordHash,
        ...(twoFactorPublicKeyPem === undefined ? {} : { twoFactorPublicKeyPem }),
        loginFailures: 0,
        locked: false,
      };
      this.repository.saveUser(user);
      // 7.7 listUsers: ids are assigned sequentially; SIM: never reused after a deletion
      this.repository.setMeta(MetaName.LAST_USER_ID, String(id));
      return user;
    });
  }

  remove(user: UserRow): void {
    this.repository.deleteUser(user.id);
  }

  /** Sets a new password; a PRECO's own change activates the HSM and makes it a CO (7.1, 6.6). */
  async changePassword(user: UserRow, { password, twoFactorPublicKeyPem, unlock }: PasswordChange): Promise<UserRow> {
    checkPassword(password);
    if (twoFactorPublicKeyPem !== undefined) parseTwoFactorKey(twoFactorPublicKeyPem);
    const passwordHash = await hashPassword(password);
    return this.repository.transaction(() => {
      const { twoFactorPublicKeyPem: _removed, ...current } = this.current(user);
      const changed: UserRow = {
        ...current,
        passwordHash,
        ...(twoFactorPublicKeyPem === undefined ? {} : { twoFactorPublicKeyPem }),
        ...(unlock ? { loginFailures: 0, locked: false } : {}),
        ...(current.role === Role.PRECO ? { role: Role.CO } : {}),
      };
      this.repository.saveUser(changed);
      if (current.role === Role.PRECO) this.repository.setMeta(MetaName.ACTIVATED, 'true');
      return changed;
    });
  }

  setTwoFactor(user: UserRow, publicKeyPem: string | null): UserRow {
    if (publicKeyPem !== null) parseTwoFactorKey(publicKeyPem);
    return this.repository.transaction(() => {
      const { twoFactorPublicKeyPem: _previous, ...current } = this.current(user);
      const changed: UserRow = { ...current, ...(publicKeyPem === null ? {} : { twoFactorPublicKeyPem: publicKeyPem }) };
      this.repository.saveUser(changed);
      return changed;
    });
  }

  /** One more consecutive failed login; the 5th locks the user (7.4). */
  recordLoginFailure(user: UserRow): UserRow {
    return this.repository.transaction(() => {
      const current = this.current(user);
      const loginFailures = current.loginFailures + 1;
      const changed = { ...current, loginFailures, locked: current.locked || loginFailures >= NodeLimits.maxLoginFailures };
      this.repository.saveUser(changed);
      return changed;
    });
  }

  // 7.4 [I]: a successful login resets the failure counter
  resetLoginFailures(user: UserRow): void {
    this.repository.transaction(() => {
      const current = this.current(user);
      if (current.loginFailures > 0) this.repository.saveUser({ ...current, loginFailures: 0 });
    });
  }

  /** syncUser: inserts or replaces the user, keeping its id. */
  import(replica: UserReplica): void {
    checkRole(replica.role);
    const user: UserRow = { ...replica, username: normalizeUsername(replica.username) };
    this.repository.transaction(() => {
      const sameId = this.repository.userById(user.id);
      const sameName = this.repository.userByName(user.username);
      if ((sameId && sameId.username !== user.username) || (sameName && sameName.id !== user.id)) {
        throw new NodeError(
          NodeErrorCode.USER_EXISTS,
          `cannot copy user ${user.id} '${user.username}' to HSM ${this.hsmId}: its id or name belongs to another user there (${sameId ? `${sameId.id} '${sameId.username}'` : `${sameName?.id} '${sameName?.username}'`})`,
        );
      }
      if (!sameId) this.requireRoom();
      this.saveImported(user);
    });
  }

  /** A cloned HSM takes the source's users instead of its own. */
  replaceAll(replicas: readonly UserReplica[]): void {
    this.repository.deleteAllUsers();
    for (const replica of replicas) this.saveImported({ ...replica, username: normalizeUsername(replica.username) });
  }

  setActivated(activated: boolean): void {
    this.repository.setMeta(MetaName.ACTIVATED, String(activated));
  }

  private checkedPreCoPassword(preCoPassword: string | undefined): string {
    if (preCoPassword === undefined) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `HSM ${this.hsmId} is the first HSM of its cluster: give the precrypto officer's password (preCoPassword)`);
    }
    checkPassword(preCoPassword);
    return preCoPassword;
  }

  private saveImported(user: UserRow): void {
    this.repository.saveUser(user);
    const lastId = Math.max(Number(this.repository.meta(MetaName.LAST_USER_ID) ?? 0), user.id);
    this.repository.setMeta(MetaName.LAST_USER_ID, String(lastId));
  }

  /** The row as stored now: another request may have changed it while a password was being hashed. */
  private current(user: UserRow): UserRow {
    const current = this.repository.userById(user.id);
    if (!current) throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `user '${user.username}' was deleted from HSM ${this.hsmId} meanwhile`);
    return current;
  }

  private requireFreeName(username: string): void {
    if (this.repository.userByName(username)) {
      throw new NodeError(NodeErrorCode.USER_EXISTS, `HSM ${this.hsmId} already has a user '${username}': user names are not case-sensitive`);
    }
  }

  // 8.2: users per cluster 1,024 [D 2023]
  private requireRoom(): void {
    if (this.repository.userCount() >= NodeLimits.maxUsers) {
      throw new NodeError(NodeErrorCode.QUOTA_EXCEEDED, `HSM ${this.hsmId} already has ${NodeLimits.maxUsers} users, the most a cluster may have: delete one first`);
    }
  }
}
