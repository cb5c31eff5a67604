import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { TOKEN_LABEL } from '../../../../hsm-sim/node/engine-token';
import { STATE_FILE } from '../../../../hsm-sim/node/node-state.repository';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

describe('HsmNode persistence', () => {
  const world = useNodeWorld();

  function stateFile(): Database.Database {
    return new Database(join(world.nodeDirectory('hsm1'), STATE_FILE));
  }

  it('keeps its folder private to the node', async () => {
    await world.openNode();
    expect(statSync(world.nodeDirectory('hsm1')).mode & 0o777).to.equal(0o700);
  });

  it('brings back users, activation, lockout counters, keys, ownership and shares after a restart', async () => {
    const { node, admin, kmsuser } = await world.seeded();
    const [bob] = await world.cryptoUsers(node, admin, 'bob');
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'kept', encrypt: true, decrypt: true } });
    await node.shareKey(kmsuser, { handle: key.handle, userId: bob!.principal!.userId, share: true });
    const gcm = { iv: randomBytes(12), aad: Buffer.from('aad') };
    const ciphertext = await node.encrypt(kmsuser, { handle: key.handle, ...gcm, plaintext: Buffer.from('survives') });
    await expectNodeError(node.login(world.connection(), { role: Role.CU, username: 'bob', password: 'wrong-password' }), NodeErrorCode.LOGIN_FAILED);
    const users = node.listUsers();

    await world.close();
    const reopened = await world.openNode();

    expect(reopened.isActivated).to.equal(true);
    expect(reopened.listUsers()).to.deep.equal(users);
    expect(reopened.findUser('bob')?.loginFailures).to.equal(1);
    const bobAgain = await world.loggedIn(reopened, Role.CU, 'bob', KMSUSER.password);
    expect((await reopened.decrypt(bobAgain, { handle: key.handle, ...gcm, ciphertext })).toString()).to.equal('survives');
    const kmsuserAgain = await world.loggedIn(reopened, Role.CU, KMSUSER.username, KMSUSER.password);
    expect(await reopened.getKey(kmsuserAgain, { handle: key.handle })).to.deep.equal({ ...key, sharedWith: [bob!.principal!.userId] });
    expect((await reopened.generateKey(kmsuserAgain, { keyType: 'AES', bits: 128 })).handle).to.equal(key.handle + 32);
    expect(await world.loggedIn(reopened, Role.CO, 'admin', ADMIN_PASSWORD)).to.have.property('principal');
  });

  it('keeps a locked user locked after a restart', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.logout(kmsuser);
    for (let attempt = 0; attempt < 5; attempt += 1) await node.login(world.connection(), { role: Role.CU, username: KMSUSER.username, password: 'wrong-password' }).catch(() => undefined);
    await world.close();
    const reopened = await world.openNode();
    await expectNodeError(reopened.login(world.connection(), { role: Role.CU, username: KMSUSER.username, password: KMSUSER.password }), NodeErrorCode.USER_LOCKED);
  });

  it('destroys an engine token object that has no key row (created, never acknowledged) when it reopens', async () => {
    const { node, kmsuser } = await world.seeded();
    const kept = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'kept' } });
    const lost = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'never-acknowledged' } });
    await world.close();
    const db = stateFile();
    db.prepare('DELETE FROM keys WHERE handle = ?').run(lost.handle);
    const userPin = (db.prepare("SELECT value FROM meta WHERE name = 'user_pin'").get() as { value: string }).value;
    db.close();

    const reopened = await world.openNode();

    expect(reopened.listKeyHandles()).to.deep.equal([kept.handle]);
    const cleanups = reopened.readAudit().filter((entry) => entry.event === 'orphan-object-destroyed');
    expect(cleanups.map(({ event, source, label }) => ({ event, source, label }))).to.deep.equal([
      { event: 'orphan-object-destroyed', source: 'node', label: 'never-acknowledged' },
    ]);
    await reopened.close();
    const session = await world.engineOf('hsm1').openSession(TOKEN_LABEL);
    await session.login(userPin);
    const labels = await Promise.all((await session.findKeys({ token: true })).map(async (handle) => (await session.getAttributes(handle)).label));
    expect(labels).to.deep.equal(['kept']);
    await session.close();
  });
});
