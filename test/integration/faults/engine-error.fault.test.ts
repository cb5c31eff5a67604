// engine-error: every HSM's PKCS#11 engine returns CKR_DEVICE_ERROR. KMS answers KMSInternalException;
// healed, everything works and decrypts.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault engine-error', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('answers KMSInternalException while every HSM fails, and recovers', async () => {
    const added = await world.addFault({ kind: 'engine-error', target: { clusterId: world.clusterId }, params: { ckr: 'CKR_DEVICE_ERROR', probability: 1 } });
    expect(added.status).to.equal(201);
    expect(await world.outcome(() => world.seal('never sealed'))).to.equal('KMSInternalException');
    await world.heal(added.body.faultId!);
    await world.seal('after the engine recovered');
    await world.expectEverythingDecrypts();
  });

  it('with operations, fails only those', async () => {
    const added = await world.addFault({ kind: 'engine-error', target: { clusterId: world.clusterId }, params: { operations: ['decrypt'] } });
    expect(added.status).to.equal(201);
    await world.seal('encrypt still works');
    expect(await world.outcome(() => world.expectEverythingDecrypts())).to.equal('KMSInternalException');
    await world.heal(added.body.faultId!);
    await world.expectEverythingDecrypts();
  });
});
