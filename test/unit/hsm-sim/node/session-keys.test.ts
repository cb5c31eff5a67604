import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode session keys', () => {
  const world = useNodeWorld();
  const sessionKey = { keyType: 'AES', bits: 256, attributes: { token: false, encrypt: true, decrypt: true } } as const;

  it('keeps a session key in its connection only, out of the cluster', async () => {
    const { node, kmsuser } = await world.seeded();
    const key = await node.generateKey(kmsuser, sessionKey);
    expect(key.token).to.equal(false);
    expect(node.listKeyHandles()).to.deep.equal([]);
    const elsewhere = await world.loggedIn(node, Role.CU, KMSUSER.username, KMSUSER.password);
    await expectNodeError(node.getKey(elsewhere, { handle: key.handle }), NodeErrorCode.KEY_NOT_FOUND);
    await expectNodeError(node.shareKey(kmsuser, { handle: key.handle, userId: 2, share: true }), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('destroys the session keys of a connection when it closes', async () => {
    const { node, kmsuser } = await world.seeded();
    const key = await node.generateKey(kmsuser, sessionKey);
    const tokenKey = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { encrypt: true } });
    await node.encrypt(kmsuser, { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('x') });

    await node.disconnect(kmsuser);

    expect(kmsuser.principal).to.equal(undefined);
    expect(node.hsmInfo().keys).to.equal(1);
    const again = await world.loggedIn(node, Role.CU, KMSUSER.username, KMSUSER.password);
    await expectNodeError(node.getKey(again, { handle: key.handle }), NodeErrorCode.KEY_NOT_FOUND);
    expect((await node.getKey(again, { handle: tokenKey.handle })).token).to.equal(true);
  });

  it('keeps session keys across a logout on the same connection', async () => {
    const { node, kmsuser } = await world.seeded();
    const key = await node.generateKey(kmsuser, sessionKey);
    await node.logout(kmsuser);
    await node.login(kmsuser, { role: Role.CU, username: KMSUSER.username, password: KMSUSER.password });
    expect((await node.getKey(kmsuser, { handle: key.handle })).handle).to.equal(key.handle);
  });
});
