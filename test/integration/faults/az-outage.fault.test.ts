// az-outage: the zone of one HSM goes down. Its HSM is DEGRADED in DescribeClusters, crypto goes on in
// the other zone, CreateKey is refused (two ACTIVE HSMs in different zones are needed); healing brings
// the zone back.

import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault az-outage', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('keeps crypto going in the other zone and recovers', async () => {
    const [first, second] = await world.hsms();
    const added = await world.addFault({ kind: 'az-outage', target: { availabilityZone: first!.AvailabilityZone } });
    expect(added.status).to.equal(201);
    const states = Object.fromEntries((await world.hsms()).map((hsm) => [hsm.HsmId, hsm.State]));
    expect(states).to.deep.equal({ [first!.HsmId!]: 'DEGRADED', [second!.HsmId!]: 'ACTIVE' });
    for (let index = 0; index < 6; index += 1) await world.seal(`during the outage ${index}`);
    const createKey = () => world.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: world.customKeyStoreId }));
    expect(await world.outcome(createKey)).to.equal('CloudHsmClusterInvalidConfigurationException');
    await world.heal(added.body.faultId!);
    expect((await world.hsms()).map((hsm) => hsm.State)).to.deep.equal(['ACTIVE', 'ACTIVE']);
    expect(await world.outcome(createKey)).to.equal('ok');
    await world.expectEverythingDecrypts();
  });
});
