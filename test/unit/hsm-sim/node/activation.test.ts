import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, expectNodeError, KMSUSER, PRECO_PASSWORD, useNodeWorld } from './node-fixture';

describe('HsmNode activation', () => {
  const world = useNodeWorld();

  it('starts the first HSM of a new cluster with the PRECO admin (user 1) and app_user (user 2), not activated', async () => {
    const node = await world.openNode();
    expect(node.isActivated).to.equal(false);
    expect(node.hsmInfo()).to.include({ activated: false, users: 2, keys: 0, label: 'cavium', model: 'NITROX-III CNN35XX-NFBE' });
    expect(node.listUsers().map(({ id, username, role }) => ({ id, username, role }))).to.deep.equal([
      { id: 1, username: 'admin', role: Role.PRECO },
      { id: 2, username: 'app_user', role: Role.AU },
    ]);
  });

  it('activates when the PRECO changes its own password: admin becomes a CO and may manage users', async () => {
    const node = await world.openNode();
    const admin = world.connection();
    const login = await node.login(admin, { role: Role.PRECO, username: 'admin', password: PRECO_PASSWORD });
    expect(login).to.deep.include({ user: { id: 1, username: 'admin', role: Role.PRECO, loginFailures: 0, locked: false, twoFactor: false } });

    const changed = await node.changePassword(admin, { role: Role.PRECO, username: 'admin', password: ADMIN_PASSWORD });

    expect(changed.role).to.equal(Role.CO);
    expect(node.isActivated).to.equal(true);
    expect(admin.principal).to.deep.equal({ userId: 1, username: 'admin', role: Role.CO });
    expect(node.readAudit().map((entry) => entry.event)).to.include('cluster-activated');
    expect((await node.createUser(admin, { role: Role.CU, username: KMSUSER.username, password: KMSUSER.password })).id).to.equal(3);
  });

  it('lets the PRECO do nothing but change its own password', async () => {
    const node = await world.openNode();
    const preco = await world.loggedIn(node, Role.PRECO, 'admin', PRECO_PASSWORD);
    await expectNodeError(node.createUser(preco, { role: Role.CU, username: 'early', password: KMSUSER.password }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.changePassword(preco, { role: Role.AU, username: 'app_user', password: 'whatever1' }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.random(preco, { length: 8 }), NodeErrorCode.ROLE_NOT_PERMITTED);
  });

  it('refuses other users until the cluster is activated', async () => {
    const node = await world.openNode();
    node.importUser({ id: 3, username: 'early', role: Role.CO, passwordHash: node.exportUser('admin').passwordHash, loginFailures: 0, locked: false });
    const error = await expectNodeError(node.login(world.connection(), { role: Role.CO, username: 'early', password: PRECO_PASSWORD }), NodeErrorCode.NOT_INITIALIZED);
    expect(error.message).to.contain('hsm-hsm1');
  });

  it('has no PRECO after activation: logging in as PRECO names the CO instead', async () => {
    const node = await world.openNode();
    await world.activate(node);
    const error = await expectNodeError(node.login(world.connection(), { role: Role.PRECO, username: 'admin', password: ADMIN_PASSWORD }), NodeErrorCode.USER_NOT_FOUND);
    expect(error.message).to.contain('is a CO');
  });

  it('creates no PRECO on a second HSM: only app_user exists there', async () => {
    const node = await world.openNode('hsm2');
    expect(node.listUsers().map((user) => user.username)).to.deep.equal(['app_user']);
    await expectNodeError(node.login(world.connection(), { role: Role.PRECO, username: 'admin', password: PRECO_PASSWORD }), NodeErrorCode.USER_NOT_FOUND);
  });

  it('needs the PRECO password to open a first HSM', async () => {
    await expectNodeError(world.openNode('hsm1', { preCoPassword: undefined }), NodeErrorCode.ARGUMENTS_BAD);
  });
});
