import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode login and lockout', () => {
  const world = useNodeWorld();

  const loginAsKmsuser = (node: Awaited<ReturnType<typeof world.seeded>>['node'], password: string) =>
    node.login(world.connection(), { role: Role.CU, username: KMSUSER.username, password });

  it('locks a user after 5 consecutive wrong passwords; the right password is then refused too', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    for (let failures = 1; failures <= 5; failures += 1) {
      const error = await expectNodeError(loginAsKmsuser(node, 'wrong-password'), NodeErrorCode.LOGIN_FAILED);
      expect(error.message).to.contain(`${failures} consecutive failures`).and.not.contain('wrong-password');
    }
    expect(node.findUser(KMSUSER.username)).to.include({ loginFailures: 5, locked: true });
    await expectNodeError(loginAsKmsuser(node, KMSUSER.password), NodeErrorCode.USER_LOCKED);
  });

  it('unlocks when a CO changes the password, and resets the counter', async () => {
    const { node, admin, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    for (let attempt = 0; attempt < 5; attempt += 1) await loginAsKmsuser(node, 'wrong-password').catch(() => undefined);
    const changed = await node.changePassword(admin, { role: Role.CU, username: KMSUSER.username, password: 'freshPswd' });
    expect(changed).to.include({ loginFailures: 0, locked: false });
    expect(await loginAsKmsuser(node, 'freshPswd')).to.have.property('user');
  });

  it('resets the failure counter on a successful login', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    await expectNodeError(loginAsKmsuser(node, 'wrong-password'), NodeErrorCode.LOGIN_FAILED);
    await expectNodeError(loginAsKmsuser(node, 'wrong-password'), NodeErrorCode.LOGIN_FAILED);
    expect(node.findUser(KMSUSER.username)?.loginFailures).to.equal(2);
    await loginAsKmsuser(node, KMSUSER.password);
    expect(node.findUser(KMSUSER.username)?.loginFailures).to.equal(0);
  });

  it('lets a user be logged in on several connections, one login per connection', async () => {
    const { node, kmsuser } = await world.seeded();
    expect(await loginAsKmsuser(node, KMSUSER.password)).to.have.property('user');
    await expectNodeError(node.login(kmsuser, { role: Role.CU, username: KMSUSER.username, password: KMSUSER.password }), NodeErrorCode.SESSION_LOGGED_IN);
  });

  it('names the missing user and the HSM; the role must match the user (CO and PCO alike)', async () => {
    const { node } = await world.seeded();
    const missing = await expectNodeError(node.login(world.connection(), { role: Role.CU, username: 'nobody', password: KMSUSER.password }), NodeErrorCode.USER_NOT_FOUND);
    expect(missing.message).to.contain("'nobody'").and.contain('hsm-hsm1');
    await expectNodeError(node.login(world.connection(), { role: Role.CO, username: KMSUSER.username, password: KMSUSER.password }), NodeErrorCode.USER_NOT_FOUND);
    expect(await node.login(world.connection(), { role: Role.PCO, username: 'admin', password: 'admin-Pass1' })).to.have.property('user');
  });

  it('never lets the appliance user log in', async () => {
    const { node } = await world.seeded();
    await expectNodeError(node.login(world.connection(), { role: Role.AU, username: 'app_user', password: KMSUSER.password }), NodeErrorCode.ROLE_NOT_PERMITTED);
  });

  it('logs out once; a second logout finds nobody', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    expect(kmsuser.principal).to.equal(undefined);
    await expectNodeError(node.logout(kmsuser), NodeErrorCode.NOT_LOGGED_IN);
    await expectNodeError(node.random(kmsuser, { length: 4 }), NodeErrorCode.NOT_LOGGED_IN);
  });
});
