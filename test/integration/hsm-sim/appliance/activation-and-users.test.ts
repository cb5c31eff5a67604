// The seed procedure on real node processes: activation, then `createUser CU kmsuser kmsPswd` on every
// HSM, then kmsuser logs in on the crypto port.

import { expect } from 'chai';
import { createCustomerCa } from '../../../../hsm-sim/node/certificates';
import type { UserView } from '../../../../hsm-sim/node/node.types';
import { expectNodeError } from '../../../support/expect-error';
import { ADMIN, ADMIN_PASSWORD, NodeCluster, PRECO_PASSWORD } from '../../../support/node-cluster';

describe('HSM appliance: activation and users (3 node processes, SoftHSM, TLS)', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;
  before(async () => {
    cluster = await NodeCluster.start(1);
  });
  after(() => cluster?.stop());

  it('activates the cluster: the PRECO changes its password and becomes a CO', async () => {
    const activated = new Promise<string>((resolve) => cluster.fleet.once('activated', resolve));
    const management = await cluster.connect(cluster.members[0]!, 'management');
    await management.call('login', { role: 'PRECO', username: 'admin', password: PRECO_PASSWORD });
    const admin = await management.call<UserView>('changePassword', { role: 'PRECO', username: 'admin', password: ADMIN_PASSWORD });
    expect(admin.role).to.equal('CO');
    expect(await activated).to.equal(cluster.members[0]!.hsmId);
    await management.call('logout');
  });

  it('clones new HSMs from the first: they know the activated admin', async () => {
    await cluster.addHsm();
    await cluster.addHsm();
    for (const member of cluster.members) {
      const users = await (await cluster.connect(member, 'management')).call<UserView[]>('listUsers');
      expect(users.map((user) => [user.id, user.username, user.role])).to.deep.equal([[1, 'admin', 'CO'], [2, 'app_user', 'AU']]);
    }
  });

  it('creates kmsuser on every HSM exactly as in the seed, and kmsuser logs in on the crypto port', async () => {
    for (const member of cluster.members) {
      const management = await cluster.loggedIn(member, 'management', ADMIN);
      const created = await management.call<UserView>('createUser', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
      expect(created).to.include({ id: 3, username: 'kmsuser', role: 'CU' });
    }
    for (const member of cluster.members) {
      const crypto = await cluster.connect(member, 'crypto');
      const login = await crypto.call<{ user: UserView }>('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
      expect(login.user.username).to.equal('kmsuser');
      await crypto.call('logout');
      await expectNodeError(crypto.call('logout'), 'CKR_USER_NOT_LOGGED_IN');
    }
  });

  it('locks a user after 5 wrong passwords, and a CO unlocks it by changing the password', async () => {
    const member = cluster.members[1]!;
    const crypto = await cluster.connect(member, 'crypto');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expectNodeError(crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'wrong-pass' }), 'CKR_PIN_INCORRECT');
    }
    await expectNodeError(crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' }), 'CKR_PIN_LOCKED');
    const management = await cluster.connect(member, 'management');
    const listed = (await management.call<UserView[]>('listUsers')).find((user) => user.username === 'kmsuser');
    expect(listed).to.include({ locked: true, loginFailures: 5 });

    await management.call('login', ADMIN);
    await management.call('changePassword', { role: 'CU', username: 'kmsuser', password: 'kmsPswd2' });
    const login = await crypto.call<{ user: UserView }>('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd2' });
    expect(login.user).to.include({ locked: false, loginFailures: 0 });
  });

  it('refuses a client that trusts another anchor', async () => {
    const stranger = createCustomerCa('someone-else');
    const refused = await cluster.connect(cluster.members[0]!, 'management', stranger.certPem).then(
      () => undefined,
      (error: { code: string }) => error,
    );
    expect(refused?.code).to.be.oneOf(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);
  });
});
