// network-latency: every round trip to the HSMs takes at least `ms` longer.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault network-latency', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('adds at least its ms to each Encrypt, and nothing once healed', async () => {
    const added = await world.addFault({ kind: 'network-latency', target: { clusterId: world.clusterId }, params: { ms: 150, jitterMs: 20 } });
    expect(added.status).to.equal(201);
    for (let index = 0; index < 3; index += 1) expect(await world.timeEncrypt()).to.be.at.least(150);
    await world.heal(added.body.faultId!);
    const healed = Math.min(await world.timeEncrypt(), await world.timeEncrypt(), await world.timeEncrypt());
    expect(healed).to.be.below(150);
    await world.expectEverythingDecrypts();
  });
});
