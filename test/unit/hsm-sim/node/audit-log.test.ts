import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { AUDIT_FILE } from '../../../../hsm-sim/node/audit-log';
import { STATE_FILE } from '../../../../hsm-sim/node/node-state.repository';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, KMSUSER, PRECO_PASSWORD, useNodeWorld } from './node-fixture';

describe('HsmNode audit log', () => {
  const world = useNodeWorld();

  it('records logins, failures, user and key changes with time, actor and source', async () => {
    const { node, admin, kmsuser } = await world.seeded();
    await node.login(world.connection(), { role: Role.CU, username: KMSUSER.username, password: 'wrong-password' }).catch(() => undefined);
    await node.login(world.connection(), { role: Role.CU, username: 'Nobody', password: 'wrong-password' }).catch(() => undefined);
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'audited' } });
    await node.setKeyAttributes(kmsuser, { handle: key.handle, attributes: { encrypt: true } });
    await node.deleteKey(kmsuser, { handle: key.handle });
    await node.logout(kmsuser);
    await node.deleteUser(admin, { role: Role.CU, username: KMSUSER.username });

    const entries = node.readAudit();
    expect(entries.map((entry) => entry.event)).to.deep.equal([
      'login',
      'password-changed',
      'cluster-activated',
      'user-created',
      'login',
      'login-failed',
      'login-failed',
      'key-created',
      'key-attributes-changed',
      'key-deleted',
      'logout',
      'user-deleted',
    ]);
    expect(entries[3]).to.deep.include({ event: 'user-created', actor: 'admin', source: admin.sourceAddress, username: 'kmsuser', role: 'CU' });
    expect(entries[5]).to.deep.include({ event: 'login-failed', username: 'kmsuser', role: 'CU', reason: NodeErrorCode.LOGIN_FAILED });
    expect(entries[5]).not.to.have.property('actor');
    expect(entries[6]).to.deep.include({ username: 'nobody', reason: NodeErrorCode.USER_NOT_FOUND });
    expect(entries[8]).to.deep.include({ event: 'key-attributes-changed', actor: 'kmsuser', handle: key.handle, attributes: ['encrypt'] });
    for (const entry of entries) expect(new Date(entry.time).toISOString()).to.equal(entry.time);
  });

  it('never writes a password, an engine PIN or key material', async () => {
    const { node, kmsuser } = await world.seeded();
    await node.login(world.connection(), { role: Role.CU, username: KMSUSER.username, password: 'typo-Pswd' }).catch(() => undefined);
    await node.changePassword(kmsuser, { role: Role.CU, username: KMSUSER.username, password: 'rotated-Pswd' });
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256 });
    const replica = await node.exportKeyReplica(key.handle);
    await world.close();

    const db = new Database(join(world.nodeDirectory('hsm1'), STATE_FILE));
    const pins = db.prepare("SELECT value FROM meta WHERE name LIKE '%pin'").all() as { value: string }[];
    db.close();
    const text = readFileSync(join(world.nodeDirectory('hsm1'), AUDIT_FILE), 'utf8');
    const secrets = [PRECO_PASSWORD, ADMIN_PASSWORD, KMSUSER.password, 'typo-Pswd', 'rotated-Pswd', ...pins.map((pin) => pin.value)];
    expect(pins).to.have.length(2);
    for (const secret of secrets) expect(text, secret).not.to.contain(secret);
    expect('wrapped' in replica && text.includes(replica.wrapped.toString('hex'))).to.equal(false);
  });
});
