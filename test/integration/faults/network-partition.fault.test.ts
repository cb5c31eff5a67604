// network-partition: the HSMs' ports 2223-2225 are cut. While the store is CONNECTED, crypto fails with
// the exceptions AWS documents, well within the SDKs' timeouts, the store stays CONNECTED, and crypto
// resumes after healing without a reconnect. A connect during the partition ends FAILED NETWORK_ERRORS;
// after healing, disconnect + connect reaches CONNECTED.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

const DOCUMENTED = ['KMSInvalidStateException', 'KeyUnavailableException', 'KMSInternalException', 'DependencyTimeoutException'];

describe('fault network-partition', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  for (const mode of ['refuse', 'blackhole']) {
    it(`(${mode}) fails crypto on a CONNECTED store, which stays CONNECTED, and resumes after healing`, async () => {
      const added = await world.addFault({ kind: 'network-partition', target: { clusterId: world.clusterId }, params: { mode } });
      expect(added.status).to.equal(201);
      const started = performance.now();
      const outcome = await world.outcome(() => world.seal('during the partition'));
      expect(DOCUMENTED).to.include(outcome);
      expect(performance.now() - started).to.be.below(30_000);
      expect((await world.store()).ConnectionState).to.equal('CONNECTED');
      await world.heal(added.body.faultId!);
      await world.seal('after the partition');
      await world.expectEverythingDecrypts();
    });
  }

  it('makes a connect fail with NETWORK_ERRORS; after healing a reconnect works', async () => {
    await world.disconnect();
    const added = await world.addFault({ kind: 'network-partition', target: { clusterId: world.clusterId }, params: { mode: 'refuse' } });
    await world.connect();
    expect((await world.waitForStore('FAILED')).ConnectionErrorCode).to.equal('NETWORK_ERRORS');
    await world.heal(added.body.faultId!);
    await world.disconnect();
    await world.connect();
    await world.waitForStore('CONNECTED');
    await world.expectEverythingDecrypts();
  });
});
