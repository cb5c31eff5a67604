// engine-latency: the HSMs' PKCS#11 engine is slow; each Encrypt takes at least that long.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault engine-latency', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('slows each Encrypt by at least its ms', async () => {
    const added = await world.addFault({ kind: 'engine-latency', target: { clusterId: world.clusterId }, params: { ms: 200 } });
    expect(added.status).to.equal(201);
    for (let index = 0; index < 3; index += 1) expect(await world.timeEncrypt()).to.be.at.least(200);
    await world.heal(added.body.faultId!);
    expect(Math.min(await world.timeEncrypt(), await world.timeEncrypt(), await world.timeEncrypt())).to.be.below(200);
    await world.expectEverythingDecrypts();
  });
});
