import { expect } from 'chai';
import type { KeyReplica, KeyReplicator } from '../../../../hsm-sim/node/key-replica';
import { NodeErrorCode, Role } from '../../../../hsm-sim/node/node.types';
import { expectNodeError, KMSUSER, useNodeWorld } from './node-fixture';

/** A sync layer whose answers the test sets. */
class FakeReplicator implements KeyReplicator {
  readonly replicated: KeyReplica[] = [];
  readonly updates: KeyReplica[] = [];
  readonly deletions: number[] = [];

  constructor(
    private readonly size: number,
    private readonly holders: () => Promise<number>,
  ) {}

  clusterSize(): number {
    return this.size;
  }

  replicate(replica: KeyReplica): Promise<number> {
    this.replicated.push(replica);
    return this.holders();
  }

  async updated(replica: KeyReplica): Promise<void> {
    this.updates.push(replica);
  }

  async deleted(handle: number): Promise<void> {
    this.deletions.push(handle);
  }
}

describe('HsmNode key-availability quorum', () => {
  const world = useNodeWorld();

  async function cryptoUserOn(replicator: FakeReplicator) {
    const node = await world.openNode('hsm1', { replicator });
    const admin = await world.activate(node);
    const [kmsuser] = await world.cryptoUsers(node, admin, KMSUSER.username);
    return { node, kmsuser: kmsuser! };
  }

  it('acknowledges a token key once a second HSM holds it', async () => {
    const replicator = new FakeReplicator(3, async () => 2);
    const { node, kmsuser } = await cryptoUserOn(replicator);
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'durable' } });
    expect(replicator.replicated.map((replica) => replica.view.handle)).to.deep.equal([key.handle]);
    expect(replicator.replicated[0]).to.have.property('wrapped');
    expect(node.listKeyHandles()).to.deep.equal([key.handle]);
  });

  it('removes the key again and fails when no second HSM holds it', async () => {
    const replicator = new FakeReplicator(2, async () => 1);
    const { node, kmsuser } = await cryptoUserOn(replicator);
    const error = await expectNodeError(node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'lost' } }), NodeErrorCode.KEY_AVAILABILITY);
    expect(error.message).to.contain('retry');
    expect(node.listKeyHandles()).to.deep.equal([]);
    expect(await node.findKeys(kmsuser, { label: 'lost' })).to.deep.equal([]);
    expect(replicator.deletions).to.have.length(1);
    expect(node.readAudit().map((entry) => entry.event)).to.include('key-creation-rolled-back');
  });

  it('treats a failing sync layer as a missed quorum, for both halves of a key pair', async () => {
    const replicator = new FakeReplicator(2, () => Promise.reject(new Error('hsm2 unreachable')));
    const { node, kmsuser } = await cryptoUserOn(replicator);
    await expectNodeError(node.generateKeyPair(kmsuser, { spec: { type: 'EC', curve: 'P-256' } }), NodeErrorCode.KEY_AVAILABILITY);
    expect(node.listKeyHandles()).to.deep.equal([]);
    expect(node.hsmInfo().keys).to.equal(0);
  });

  it('needs no second HSM in a one-HSM cluster, nor for session keys', async () => {
    const replicator = new FakeReplicator(1, async () => 1);
    const { node, kmsuser } = await cryptoUserOn(replicator);
    await node.generateKey(kmsuser, { keyType: 'AES', bits: 256 });
    await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { token: false } });
    expect(replicator.replicated).to.have.length(1);
    expect(node.hsmInfo().keys).to.equal(2);
  });

  it('tells the cluster about shares, attribute changes and deletions', async () => {
    const replicator = new FakeReplicator(2, async () => 2);
    const { node, kmsuser } = await cryptoUserOn(replicator);
    const other = await node.createUser(await world.loggedIn(node, Role.CO, 'admin', 'admin-Pass1'), { role: Role.CU, username: 'other', password: KMSUSER.password });
    const { handle } = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256 });
    await node.shareKey(kmsuser, { handle, userId: other.id, share: true });
    await node.setKeyAttributes(kmsuser, { handle, attributes: { label: 'renamed' } });
    await node.deleteKey(kmsuser, { handle });
    expect(replicator.updates.map((replica) => [replica.view.sharedWith, replica.view.label])).to.deep.equal([
      [[other.id], ''],
      [[other.id], 'renamed'],
    ]);
    expect(replicator.deletions).to.deep.equal([handle]);
  });
});
