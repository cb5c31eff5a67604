// One CloudHSM CLI run: the management port (2225) of every HSM for users and the cluster, the crypto port
// (2223) of one HSM for keys, and who is logged in. Logins cover every management port at once; the crypto
// port is logged in only when a key command needs it.

import { Role, type UserView } from '../../../hsm-sim/node/node.types';
import type { LoginResult } from '../../../hsm-sim/node/user-login';
import type { RpcClient } from '../../../hsm-sim/protocol';
import { isConnected, type ConnectedHsm, type HsmConnection } from '../cmu/hsm-connections';
import type { Credentials } from './cli-credentials';
import { CliFailure, failedOnHsms, type HsmRefusal } from './cli-failure';

/** Who is logged in; the password stays inside the session. */
export type LoggedInUser = Omit<Credentials, 'password'>;

export class CliSession {
  private login: Credentials | undefined;
  private cryptoLoggedIn = false;

  constructor(
    private readonly management: readonly HsmConnection[],
    private readonly crypto: HsmConnection | undefined,
  ) {}

  get current(): LoggedInUser | undefined {
    return this.login && { username: this.login.username, role: this.login.role };
  }

  connectedManagement(): readonly ConnectedHsm[] {
    return this.management.filter(isConnected);
  }

  /** `call` on every reachable management port at once; a CliFailure naming each HSM it failed on. */
  async onEveryHsm<T>(action: string, call: (client: RpcClient) => Promise<T>): Promise<T[]> {
    const { values, failures, attempted } = await settleOnEach(this.connectedManagement(), call);
    if (failures.length > 0) throw failedOnHsms(action, failures, attempted);
    return values;
  }

  /** Logs in on every management port, or on none: the HSMs that accepted are logged out again if one refuses. */
  async logIn(credentials: Credentials): Promise<UserView> {
    if (this.login) throw new CliFailure(`already logged in as ${this.login.username}: log out first`);
    const { values, failures, attempted, succeeded } = await settleOnEach(this.connectedManagement(), (client) => logInOn(client, credentials));
    if (failures.length > 0) {
      await Promise.allSettled(succeeded.map(({ client }) => client.call('logout')));
      throw failedOnHsms('login', failures, attempted);
    }
    const [user] = values;
    if (user === undefined) throw new CliFailure('login reached no HSM');
    this.login = credentials;
    return user;
  }

  async logOut(): Promise<void> {
    if (!this.login) throw new CliFailure('nobody is logged in');
    await this.releaseCrypto();
    await this.onEveryHsm('logout', (client) => client.call('logout'));
    this.login = undefined;
  }

  /** The crypto port, logged in as the current user. */
  async cryptoClient(): Promise<RpcClient> {
    const login = this.credentials();
    if (this.crypto === undefined) throw new CliFailure('key commands run on one HSM\'s crypto port: give --crypto HOST:PORT (port 2223 of an HSM)');
    if (!isConnected(this.crypto)) throw new CliFailure(`the crypto port ${this.crypto.endpoint.host}:${this.crypto.endpoint.port} is not reachable: ${this.crypto.failure}`);
    if (!this.cryptoLoggedIn) {
      await logInOn(this.crypto.client, login);
      this.cryptoLoggedIn = true;
    }
    return this.crypto.client;
  }

  /**
   * Ends the crypto port's login before a password change: 7.3 - a password cannot be changed while its user is
   * logged in on another connection, and the crypto port is one. The next key command logs in again.
   */
  async releaseCrypto(): Promise<void> {
    if (!this.cryptoLoggedIn || this.crypto === undefined || !isConnected(this.crypto)) return;
    await this.crypto.client.call('logout');
    this.cryptoLoggedIn = false;
  }

  requireLogin(): LoggedInUser {
    const { username, role } = this.credentials();
    return { username, role };
  }

  /** The logged-in user's own password changed; a PRECO's change made it an admin (6.6). */
  passwordChanged(password: string): void {
    const login = this.credentials();
    this.login = { ...login, password, role: login.role === Role.PRECO ? Role.CO : login.role };
  }

  private credentials(): Credentials {
    if (!this.login) throw new CliFailure('log in first: login --username <name> --role <admin|crypto-user> --password <password>');
    return this.login;
  }
}

interface Settled<T> {
  readonly values: T[];
  readonly succeeded: ConnectedHsm[];
  readonly failures: HsmRefusal[];
  readonly attempted: number;
}

async function settleOnEach<T>(hsms: readonly ConnectedHsm[], call: (client: RpcClient) => Promise<T>): Promise<Settled<T>> {
  const settled = await Promise.allSettled(hsms.map(({ client }) => call(client)));
  const outcome: Settled<T> = { values: [], succeeded: [], failures: [], attempted: hsms.length };
  settled.forEach((result, index) => {
    const hsm = hsms[index]!;
    if (result.status === 'fulfilled') {
      outcome.values.push(result.value);
      outcome.succeeded.push(hsm);
    } else outcome.failures.push({ endpoint: hsm.endpoint, error: result.reason as unknown });
  });
  return outcome;
}

async function logInOn(client: RpcClient, credentials: Credentials): Promise<UserView> {
  const result = await client.call<LoginResult>('login', credentials);
  if ('user' in result) return result.user;
  // drops the login waiting for its signature; the node answers NOT_LOGGED_IN, as nobody is logged in yet
  await client.call('logout').catch(() => undefined);
  // SIM: token-sign MFA login (`login mfa-token-sign`) is not offered by this CLI
  throw new CliFailure(`user ${credentials.username} has MFA (token-sign); log in with cloudhsm-sim cmu: loginHSM ... -2fa <private key PEM path>`);
}
