import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { HsmNode } from '../../../../hsm-sim/node/hsm-node';
import type { KeyReplica, KeyReplicator } from '../../../../hsm-sim/node/key-replica';
import { NodeErrorCode, Role, type ConnectionContext } from '../../../../hsm-sim/node/node.types';
import { ADMIN_PASSWORD, expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

/** An in-process sync layer: copies new keys to the peers it is given. */
class CopyToPeers implements KeyReplicator {
  peers: HsmNode[] = [];

  clusterSize(): number {
    return this.peers.length + 1;
  }

  async replicate(replica: KeyReplica): Promise<number> {
    for (const peer of this.peers) await peer.importKeyReplica(replica);
    return this.peers.length + 1;
  }

  async updated(replica: KeyReplica): Promise<void> {
    for (const peer of this.peers) await peer.updateKeyReplica(replica);
  }

  async deleted(handle: number): Promise<void> {
    for (const peer of this.peers) await peer.deleteKeyReplica(handle);
  }
}

describe('HsmNode replicas', () => {
  const world = useNodeWorld();
  const AES_USE = { encrypt: true, decrypt: true } as const;

  interface Cluster {
    first: HsmNode;
    second: HsmNode;
    kmsuser: ConnectionContext;
    kmsuserOnSecond: ConnectionContext;
  }

  /** hsm1 seeded, hsm2 cloned from it while it had no keys. */
  async function cluster(replicator?: CopyToPeers): Promise<Cluster> {
    const first = await world.openNode('hsm1', replicator ? { replicator } : {});
    const admin = await world.activate(first);
    const [kmsuser] = await world.cryptoUsers(first, admin, KMSUSER.username);
    const second = await world.openNode('hsm2');
    await second.restoreSnapshot(await first.snapshot());
    replicator?.peers.push(second);
    const kmsuserOnSecond = await world.loggedIn(second, Role.CU, KMSUSER.username, KMSUSER.password);
    return { first, second, kmsuser: kmsuser!, kmsuserOnSecond };
  }

  it('copies a key to another HSM with the same sync key: same handle, usable there, same findAllKeys hash', async () => {
    const { first, second, kmsuser, kmsuserOnSecond } = await cluster();
    const key = await first.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'replicated', ...AES_USE } });
    const gcm = { iv: randomBytes(12), aad: Buffer.from('ctx') };
    const ciphertext = await first.encrypt(kmsuser, { handle: key.handle, ...gcm, plaintext: Buffer.from('on both') });

    await second.importKeyReplica(await first.exportKeyReplica(key.handle));

    expect(second.listKeyHandles()).to.deep.equal([key.handle]);
    expect(await second.getKey(kmsuserOnSecond, { handle: key.handle })).to.deep.equal(key);
    expect((await second.decrypt(kmsuserOnSecond, { handle: key.handle, ...gcm, ciphertext })).toString()).to.equal('on both');
    const hashOn = async (node: HsmNode) =>
      (await node.findAllKeys(await world.loggedIn(node, Role.CO, 'admin', ADMIN_PASSWORD), { userId: 3, withHash: true })).hash;
    expect(await hashOn(second)).to.equal(await hashOn(first));
  });

  it('copies key pairs: the private key signs and the public key (held as SPKI) verifies on the other HSM', async () => {
    const { first, second, kmsuser, kmsuserOnSecond } = await cluster();
    const pair = await first.generateKeyPair(kmsuser, { spec: { type: 'EC', curve: 'P-384' }, publicAttributes: { verify: true }, privateAttributes: { sign: true } });
    for (const handle of first.listKeyHandles()) await second.importKeyReplica(await first.exportKeyReplica(handle));
    const mechanism = { name: 'ECDSA', hash: 'SHA-384' } as const;
    const data = Buffer.from('cluster-wide');

    const signature = await second.sign(kmsuserOnSecond, { handle: pair.privateKey.handle, mechanism, data });

    expect(await first.verify(kmsuser, { handle: pair.publicKey.handle, mechanism, data, signature })).to.equal(true);
    expect(await second.verify(kmsuserOnSecond, { handle: pair.publicKey.handle, mechanism, data, signature })).to.equal(true);
    expect(await second.publicKey(kmsuserOnSecond, { handle: pair.publicKey.handle })).to.deep.equal(await first.publicKey(kmsuser, { handle: pair.publicKey.handle }));
  });

  it('takes repeated imports, updates and deletions without harm', async () => {
    const { first, second, kmsuser, kmsuserOnSecond } = await cluster();
    const key = await first.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    const replica = await first.exportKeyReplica(key.handle);
    await second.importKeyReplica(replica);
    await second.importKeyReplica(replica);
    expect(second.hsmInfo().keys).to.equal(1);

    await second.updateKeyReplica({ ...replica, view: { ...replica.view, label: 'renamed', sharedWith: [2] } });
    expect(await second.getKey(kmsuserOnSecond, { handle: key.handle })).to.include({ label: 'renamed' });

    await second.deleteKeyReplica(key.handle);
    await second.deleteKeyReplica(key.handle);
    expect(second.listKeyHandles()).to.deep.equal([]);
    await expectNodeError(second.exportKeyReplica(key.handle), NodeErrorCode.KEY_NOT_FOUND);
  });

  it('reaches the key-availability quorum through a real peer; keys made on each HSM carry its slot', async () => {
    const replicator = new CopyToPeers();
    const { first, second, kmsuser, kmsuserOnSecond } = await cluster(replicator);
    const key = await first.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    expect(second.listKeyHandles()).to.deep.equal([key.handle]);
    await first.setKeyAttributes(kmsuser, { handle: key.handle, attributes: { label: 'seen everywhere' } });
    expect((await second.getKey(kmsuserOnSecond, { handle: key.handle })).label).to.equal('seen everywhere');
    const local = await second.generateKey(kmsuserOnSecond, { keyType: 'AES', bits: 256, attributes: { token: false } });
    expect([key.handle % 32, local.handle % 32]).to.deep.equal([0, 1]);
    await first.deleteKey(kmsuser, { handle: key.handle });
    expect(second.listKeyHandles()).to.deep.equal([]);
  });

  it('clones a whole HSM from a snapshot: users (its own PRECO replaced), activation and usable keys', async () => {
    const { first, kmsuser } = await cluster();
    const key = await first.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    const iv = randomBytes(12);
    const ciphertext = await first.encrypt(kmsuser, { handle: key.handle, iv, plaintext: Buffer.from('cloned') });
    const snapshot = await first.snapshot();

    const clone = await world.openNode('hsm3', { firstHsm: true });
    expect(clone.findUser('admin')?.role).to.equal(Role.PRECO);
    await clone.restoreSnapshot(snapshot);

    expect(clone.isActivated).to.equal(true);
    expect(clone.listUsers()).to.deep.equal(first.listUsers());
    const onClone = await world.loggedIn(clone, Role.CU, KMSUSER.username, KMSUSER.password);
    expect((await clone.decrypt(onClone, { handle: key.handle, iv, ciphertext })).toString()).to.equal('cloned');
    const next = await clone.generateKey(onClone, { keyType: 'AES', bits: 128 });
    expect(next.handle % 32).to.equal(2);
    await expectNodeError(clone.restoreSnapshot(snapshot), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('copies single users between HSMs (cmu syncUser), keeping their ids', async () => {
    const { first, second } = await cluster();
    const admin = await world.loggedIn(first, Role.CO, 'admin', ADMIN_PASSWORD);
    const onlyHere = await first.createUser(admin, { role: Role.CU, username: 'latecomer', password: KMSUSER.password });
    await expectNodeError(second.login(world.connection(), { role: Role.CU, username: 'latecomer', password: KMSUSER.password }), NodeErrorCode.USER_NOT_FOUND);

    second.importUser(first.exportUser('latecomer'));

    expect(second.findUser('latecomer')).to.deep.equal(onlyHere);
    expect(await second.login(world.connection(), { role: Role.CU, username: 'latecomer', password: KMSUSER.password })).to.have.property('user');
    expect(() => second.importUser({ ...first.exportUser('latecomer'), id: 3 })).to.throw().with.property('code', NodeErrorCode.USER_EXISTS);
  });
});
