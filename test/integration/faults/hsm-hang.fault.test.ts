// hsm-hang: one HSM stops answering (SIGSTOP) with its sockets open. KMS waits for it, gives up, and
// the work goes to the other HSM: every request still succeeds. SIGCONT heals it.

import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault hsm-hang', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('fails over from the hung HSM and loses nothing', async () => {
    const [first] = await world.hsms();
    const added = await world.addFault({ kind: 'hsm-hang', target: { hsmId: first!.HsmId } });
    expect(added.status).to.equal(201);
    for (let index = 0; index < 4; index += 1) await world.seal(`while one HSM is hung ${index}`);
    expect((await world.heal(added.body.faultId!)).status).to.equal(200);
    await world.expectEverythingDecrypts();
  });
});
