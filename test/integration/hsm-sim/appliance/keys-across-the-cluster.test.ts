// Keys on real node processes: a token key made on one HSM is on the others, owners and sharers have
// different rights, COs cannot use keys, and a user created while an HSM was down is missing there
// until syncUser.

import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { KeyView, UserView } from '../../../../hsm-sim/node/node.types';
import type { RpcClient } from '../../../../hsm-sim/protocol';
import { expectNodeError } from '../../../support/expect-error';
import { ADMIN, NodeCluster, type ClusterMember } from '../../../support/node-cluster';

describe('HSM appliance: keys across the cluster (3 node processes, SoftHSM, TLS)', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;

  before(async () => {
    cluster = await NodeCluster.start(1);
    await cluster.activate();
    await cluster.addHsm();
    await cluster.addHsm();
    for (const username of ['alice', 'bob']) await cluster.createUser(cryptoUserCredentials(username));
  });
  after(() => cluster?.stop());

  const cryptoUserCredentials = (username: string) => ({ role: 'CU', username, password: `${username}-pass1` }) as const;
  const admin = (member: ClusterMember): Promise<RpcClient> => cluster.loggedIn(member, 'management', ADMIN);
  const cryptoUser = (member: ClusterMember, username: string): Promise<RpcClient> =>
    cluster.loggedIn(member, 'crypto', cryptoUserCredentials(username));

  it('finds a token key generated on HSM 1 by label on HSMs 2 and 3, usable there', async () => {
    const [first, second, third] = cluster.members as [ClusterMember, ClusterMember, ClusterMember];
    const onFirst = await cryptoUser(first, 'alice');
    const key = await onFirst.call<KeyView>('generateKey', {
      keyType: 'AES', bits: 256, attributes: { label: 'replicated-key', token: true, encrypt: true, decrypt: true },
    });
    const iv = randomBytes(12);
    const ciphertext = await onFirst.call<Buffer>('encrypt', { handle: key.handle, iv, aad: Buffer.from('ctx'), plaintext: Buffer.from('held by 3') });

    for (const member of [second, third]) {
      const there = await cryptoUser(member, 'alice');
      const [found] = await there.call<KeyView[]>('findKeys', { label: 'replicated-key' });
      expect(found).to.include({ handle: key.handle, ownerId: key.ownerId, keyType: 'AES' });
      const plaintext = await there.call<Buffer>('decrypt', { handle: key.handle, iv, aad: Buffer.from('ctx'), ciphertext });
      expect(plaintext.toString()).to.equal('held by 3');
    }

    const hashes = await Promise.all(
      cluster.members.map(async (member) => (await (await admin(member)).call<{ hash: string }>('findAllKeys', { userId: key.ownerId, withHash: true })).hash),
    );
    expect(new Set(hashes).size, 'findAllKeys hash is the same on in-sync HSMs').to.equal(1);
  });

  it('lets the owner manage a key and a sharer only use it; a CO cannot encrypt', async () => {
    const member = cluster.members[0]!;
    const alice = await cryptoUser(member, 'alice');
    const bob = await cryptoUser(member, 'bob');
    const users = await alice.call<UserView[]>('listUsers');
    const bobId = users.find((user) => user.username === 'bob')!.id;
    const key = await alice.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'shared-key', encrypt: true, decrypt: true } });
    const request = { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('x') };

    await expectNodeError(bob.call('encrypt', request), 'CKR_OBJECT_HANDLE_INVALID');
    await alice.call('shareKey', { handle: key.handle, userId: bobId, share: true });
    expect(await bob.call<Buffer>('encrypt', request)).to.have.length(17);
    await expectNodeError(bob.call('deleteKey', { handle: key.handle }), 'CKR_KEY_ACCESS_DENIED');
    await expectNodeError(bob.call('setKeyAttributes', { handle: key.handle, attributes: { label: 'mine now' } }), 'CKR_KEY_ACCESS_DENIED');

    const officer = await cluster.loggedIn(member, 'crypto', ADMIN);
    await expectNodeError(officer.call('encrypt', request), 'CKR_USER_TYPE_INVALID');
    await alice.call('deleteKey', { handle: key.handle });
  });

  it('keeps a user created while an HSM was down off that HSM until syncUser', async () => {
    const [first, second, third] = cluster.members as [ClusterMember, ClusterMember, ClusterMember];
    await cluster.fleet.stop(third.hsmId);
    await cluster.createUser(cryptoUserCredentials('carol'), [first, second]);
    await cluster.restart(third);

    const onThird = await cluster.connect(third, 'crypto');
    await expectNodeError(onThird.call('login', { role: 'CU', username: 'carol', password: 'carol-pass1' }), 'CKR_USER_NOT_FOUND');

    // cmu syncUser: read the user from an HSM that has it, write it to the one that does not.
    const replica = await (await admin(first)).call('exportUser', { username: 'carol' });
    await (await admin(third)).call('importUser', replica);
    const login = await onThird.call<{ user: UserView }>('login', { role: 'CU', username: 'carol', password: 'carol-pass1' });
    expect(login.user.username).to.equal('carol');
  });
});
