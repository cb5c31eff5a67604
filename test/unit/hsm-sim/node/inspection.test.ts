// The read-only inspection the web console asks of an HSM: users with role, lockout, 2FA, failed logins
// and whether they are logged in now; keys with label, owner and sharers; never a hash or key bytes.
// And every audit entry is heard as it is written.

import { expect } from 'chai';
import type { AuditEntry } from '../../../../hsm-sim/node/audit-log';
import { useNodeWorld } from './node-fixture';

describe('HsmNode inspection (web console)', () => {
  const world = useNodeWorld();

  it('lists users and keys with owner and sharers, and who is logged in now', async () => {
    const heard: AuditEntry[] = [];
    const node = await world.openNode('hsm1', { onAudit: (entry) => heard.push(entry) });
    const admin = await world.activate(node);
    const [alice, bob] = await world.cryptoUsers(node, admin, 'alice', 'bob');
    const key = await node.generateKey(alice!, { keyType: 'AES', bits: 256, attributes: { label: 'arn:aws:kms:us-east-2:111122223333:key/k1', encrypt: true, decrypt: true } });
    await node.shareKey(alice!, { handle: key.handle, userId: bob!.principal!.userId, share: true });
    await node.logout(bob!);

    const inspection = node.inspect();
    const users = Object.fromEntries(inspection.users.map((user) => [user.name, user]));
    expect(users['alice']).to.deep.equal({ name: 'alice', role: 'CU', locked: false, twoFactor: false, failedLogins: 0, loggedIn: true });
    expect(users['bob']!.loggedIn).to.equal(false);
    expect(inspection.keys).to.deep.equal([
      { handle: key.handle, label: 'arn:aws:kms:us-east-2:111122223333:key/k1', keyClass: 'SECRET_KEY', keyType: 'AES', owner: 'alice', sharedWith: ['bob'], token: true },
    ]);
    expect(JSON.stringify(inspection)).to.not.match(/hash|scrypt|Pswd|password/i);
    expect(heard.map((entry) => entry.event)).to.include.members(['login', 'user-created', 'key-created', 'key-shared']);
  });
});
