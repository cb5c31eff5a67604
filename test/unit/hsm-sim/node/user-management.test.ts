import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode user management', () => {
  const world = useNodeWorld();

  it('creates the seed crypto user exactly as `createUser CU kmsuser kmsPswd`', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    const kmsuser = await node.createUser(admin, { role: Role.CU, username: 'kmsuser', password: 'kmsPswd' });
    expect(kmsuser).to.deep.equal({ id: 3, username: 'kmsuser', role: Role.CU, loginFailures: 0, locked: false, twoFactor: false });
    expect(node.findUser('kmsuser')).to.deep.equal(kmsuser);
    expect(await node.login(world.connection(), { role: Role.CU, username: 'kmsuser', password: 'kmsPswd' })).to.have.property('user');
  });

  it('treats user names as case-insensitive and passwords as case-sensitive', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    expect((await node.createUser(admin, { role: Role.CU, username: 'KmsUser', password: KMSUSER.password })).username).to.equal('kmsuser');
    await expectNodeError(node.createUser(admin, { role: Role.CU, username: 'KMSUSER', password: KMSUSER.password }), NodeErrorCode.USER_EXISTS);
    expect(await node.login(world.connection(), { role: Role.CU, username: 'KMSUSER', password: KMSUSER.password })).to.have.property('user');
    await expectNodeError(node.login(world.connection(), { role: Role.CU, username: 'kmsuser', password: 'kmspswd' }), NodeErrorCode.LOGIN_FAILED);
  });

  it('checks names (1-31 of letters, digits, _) and passwords (7-32 characters)', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    const create = (username: string, password: string) => node.createUser(admin, { role: Role.CU, username, password });
    await expectNodeError(create('a'.repeat(32), KMSUSER.password), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(create('kms-user', KMSUSER.password), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(create('', KMSUSER.password), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(create('short', 'x'.repeat(6)), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(create('long', 'x'.repeat(33)), NodeErrorCode.ARGUMENTS_BAD);
    expect((await create('a'.repeat(31), 'x'.repeat(7))).username).to.have.length(31);
    expect((await create('user_2', 'x'.repeat(32))).username).to.equal('user_2');
  });

  it('creates CO and PCO (as CO) users, never PRECO or AU', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    expect((await node.createUser(admin, { role: Role.CO, username: 'officer', password: ADMIN_PASSWORD })).role).to.equal(Role.CO);
    expect((await node.createUser(admin, { role: Role.PCO, username: 'primary', password: ADMIN_PASSWORD })).role).to.equal(Role.CO);
    await expectNodeError(node.createUser(admin, { role: Role.PRECO, username: 'pre', password: ADMIN_PASSWORD }), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(node.createUser(admin, { role: Role.AU, username: 'app', password: ADMIN_PASSWORD }), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('lets only a CO manage users', async () => {
    const { node, kmsuser } = await world.seeded();
    await expectNodeError(node.createUser(kmsuser, { role: Role.CU, username: 'other', password: KMSUSER.password }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.createUser(world.connection(), { role: Role.CU, username: 'other', password: KMSUSER.password }), NodeErrorCode.NOT_LOGGED_IN);
  });

  it('assigns ids sequentially and never reuses one', async () => {
    const node = await world.openNode();
    const admin = await world.activate(node);
    await node.createUser(admin, { role: Role.CU, username: 'first', password: KMSUSER.password });
    await node.deleteUser(admin, { role: Role.CU, username: 'first' });
    expect((await node.createUser(admin, { role: Role.CU, username: 'second', password: KMSUSER.password })).id).to.equal(4);
  });

  it('stops at 1,024 users per cluster', async function () {
    this.timeout(30_000);
    const node = await world.openNode();
    const admin = await world.activate(node);
    const { passwordHash } = node.exportUser('admin');
    for (let id = 3; id <= 1024; id += 1) node.importUser({ id, username: `user${id}`, role: Role.CU, passwordHash, loginFailures: 0, locked: false });
    expect(node.hsmInfo().users).to.equal(1024);
    await expectNodeError(node.createUser(admin, { role: Role.CU, username: 'one_more', password: KMSUSER.password }), NodeErrorCode.QUOTA_EXCEEDED);
  });

  it('lets a user change its own password and a CO anyone, but not a user logged in elsewhere', async () => {
    const { node, admin, kmsuser } = await world.seeded();
    const [other] = await world.cryptoUsers(node, admin, 'other');
    await expectNodeError(node.changePassword(other!, { role: Role.CU, username: 'kmsuser', password: 'newPswd1' }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.changePassword(admin, { role: Role.CU, username: 'kmsuser', password: 'newPswd1' }), NodeErrorCode.USER_LOGGED_IN);
    await node.changePassword(kmsuser, { role: Role.CU, username: 'kmsuser', password: 'newPswd1' });
    await node.logout(kmsuser);
    await node.changePassword(admin, { role: Role.CU, username: 'kmsuser', password: 'newPswd2' });
    expect(await node.login(world.connection(), { role: Role.CU, username: 'kmsuser', password: 'newPswd2' })).to.have.property('user');
  });

  it('keeps passwords only as salted scrypt hashes', async () => {
    const { node } = await world.seeded();
    const { passwordHash } = node.exportUser('kmsuser');
    expect(passwordHash).to.match(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(passwordHash).not.to.contain(KMSUSER.password);
  });
});
