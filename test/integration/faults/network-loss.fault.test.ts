// network-loss: connections and frames to one HSM are reset. KMS retries on the other HSM, so every
// request succeeds; with the whole cluster lossy, the failures are the exceptions AWS documents.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault network-loss', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('fails over from an HSM that resets every frame', async () => {
    const [first] = await world.hsms();
    const added = await world.addFault({ kind: 'network-loss', target: { hsmId: first!.HsmId }, params: { probability: 1 }, seed: 7 });
    expect(added.status).to.equal(201);
    for (let index = 0; index < 6; index += 1) await world.seal(`through the lossy network ${index}`);
    await world.heal(added.body.faultId!);
    await world.expectEverythingDecrypts();
  });

  it('answers documented exceptions only while the whole cluster is lossy', async () => {
    const added = await world.addFault({ kind: 'network-loss', target: { clusterId: world.clusterId }, params: { probability: 0.5 }, seed: 11 });
    const outcomes = new Set<string>();
    for (let index = 0; index < 10; index += 1) outcomes.add(await world.outcome(() => world.seal(`half lost ${index}`)));
    await world.heal(added.body.faultId!);
    for (const outcome of outcomes) expect(['ok', 'KMSInvalidStateException', 'KeyUnavailableException', 'DependencyTimeoutException']).to.include(outcome);
    await world.seal('after the loss');
  });
});
