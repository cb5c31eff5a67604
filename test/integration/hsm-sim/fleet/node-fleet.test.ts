// The fleet runs HSMs as processes: it notices one that dies, can hang and resume one, and after a
// simulator restart starts every HSM again with its users and keys.

import { expect } from 'chai';
import type { KeyView, UserView } from '../../../../hsm-sim/node/node.types';
import { NodeCluster } from '../../../support/node-cluster';

describe('HSM fleet: dead, hung and restarted node processes', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;
  let keyHandle: number;

  before(async () => {
    cluster = await NodeCluster.start(1);
    await cluster.activate();
    await cluster.createUser({ role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    await cluster.addHsm();
    const crypto = await cluster.connect(cluster.members[0]!, 'crypto');
    await crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    keyHandle = (await crypto.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'durable', encrypt: true } })).handle;
  });
  after(() => cluster?.stop());

  it('notices a node that was killed, and starts it again with its keys', async () => {
    const member = cluster.members[1]!;
    const died = new Promise<[string, NodeJS.Signals | null]>((resolve) => cluster.fleet.once('died', (hsmId, _code, signal) => resolve([hsmId, signal])));
    await cluster.fleet.kill(member.hsmId);
    expect(await died).to.deep.equal([member.hsmId, 'SIGKILL']);
    expect(cluster.fleet.info(member.hsmId).state).to.equal('dead');

    await cluster.restart(member);
    expect(cluster.fleet.info(member.hsmId).state).to.equal('running');
    const crypto = await cluster.connect(member, 'crypto');
    await crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    expect((await crypto.call<KeyView>('getKey', { handle: keyHandle })).label).to.equal('durable');
  });

  it('hangs a node (SIGSTOP): requests time out until it is resumed', async () => {
    const member = cluster.members[1]!;
    const management = await cluster.connect(member, 'management', undefined, 500);
    cluster.fleet.hang(member.hsmId);
    expect(cluster.fleet.info(member.hsmId).state).to.equal('hung');
    const timedOut = await management.call('hsmInfo').then(() => undefined, (error: { code: string }) => error.code);
    expect(timedOut).to.equal('ETIMEDOUT');

    cluster.fleet.resume(member.hsmId);
    const again = await cluster.connect(member, 'management');
    expect((await again.call<{ hsmId: string }>('hsmInfo')).hsmId).to.equal(member.hsmId);
  });

  it('starts every node again from its folder after a simulator restart, with users and keys', async () => {
    await cluster.replaceFleet();
    for (const member of cluster.members) {
      const management = await cluster.connect(member, 'management');
      expect((await management.call<UserView[]>('listUsers')).map((user) => user.username)).to.include('kmsuser');
      const crypto = await cluster.connect(member, 'crypto');
      await crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
      expect((await crypto.call<KeyView>('getKey', { handle: keyHandle })).label).to.equal('durable');
    }
  });
});
