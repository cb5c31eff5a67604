// hsm-busy: the HSMs answer busy above a rate; KMS answers ThrottlingException, as for a cluster under
// load unrelated to KMS. Healed, every request succeeds.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault hsm-busy', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('throttles above the rate and recovers', async () => {
    const added = await world.addFault({ kind: 'hsm-busy', target: { clusterId: world.clusterId }, params: { opsPerSecond: 2 } });
    expect(added.status).to.equal(201);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, index) => world.outcome(() => world.seal(`burst ${index}`))));
    expect(outcomes).to.include('ThrottlingException');
    expect(new Set(outcomes)).to.satisfy((seen: Set<string>) => [...seen].every((outcome) => outcome === 'ok' || outcome === 'ThrottlingException'));
    await world.heal(added.body.faultId!);
    await Promise.all(Array.from({ length: 6 }, (_, index) => world.seal(`after ${index}`)));
    await world.expectEverythingDecrypts();
  });
});
