import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode user deletion', () => {
  const world = useNodeWorld();
  const kmsuser = { role: Role.CU, username: KMSUSER.username };

  it('refuses a user who is logged in, until it logs out', async () => {
    const { node, admin, kmsuser: session } = await world.seeded();
    await expectNodeError(node.deleteUser(admin, kmsuser), NodeErrorCode.USER_LOGGED_IN);
    await node.disconnect(session);
    await node.deleteUser(admin, kmsuser);
    expect(node.findUser(KMSUSER.username)).to.equal(undefined);
    await expectNodeError(node.login(world.connection(), { ...kmsuser, password: KMSUSER.password }), NodeErrorCode.USER_NOT_FOUND);
  });

  it('refuses a crypto user who owns keys, saying how many', async () => {
    const { node, admin, kmsuser: session } = await world.seeded();
    await node.generateKey(session, { keyType: 'AES', bits: 256, attributes: { label: 'one' } });
    await node.generateKey(session, { keyType: 'AES', bits: 256, attributes: { label: 'two' } });
    await node.logout(session);
    const error = await expectNodeError(node.deleteUser(admin, kmsuser), NodeErrorCode.USER_OWNS_KEYS);
    expect(error.message).to.contain('2 key(s)');

    await node.login(session, { ...kmsuser, password: KMSUSER.password });
    for (const { handle } of await node.findKeys(session)) await node.deleteKey(session, { handle });
    await node.logout(session);
    await node.deleteUser(admin, kmsuser);
  });

  it('never deletes admin or app_user', async () => {
    const { node, admin } = await world.seeded();
    const other = await node.createUser(admin, { role: Role.CO, username: 'officer', password: KMSUSER.password });
    const officer = await world.loggedIn(node, Role.CO, other.username, KMSUSER.password);
    await node.logout(admin);
    await expectNodeError(node.deleteUser(officer, { role: Role.CO, username: 'admin' }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.deleteUser(officer, { role: Role.AU, username: 'app_user' }), NodeErrorCode.ROLE_NOT_PERMITTED);
  });

  it('is for COs only', async () => {
    const { node, admin, kmsuser: session } = await world.seeded();
    await node.createUser(admin, { role: Role.CU, username: 'victim', password: KMSUSER.password });
    await expectNodeError(node.deleteUser(session, { role: Role.CU, username: 'victim' }), NodeErrorCode.ROLE_NOT_PERMITTED);
  });
});
