// hsm-kill: one of the two HSMs loses power. Crypto goes on through the other, CreateKey is refused
// (it needs two ACTIVE HSMs in different zones), DescribeClusters shows the HSM DEGRADED; after healing it
// is ACTIVE and CreateKey works. Nothing made before is lost.

import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { waitFor } from '../../e2e/support/wait-for';
import { FaultWorld } from './fault-world';

describe('fault hsm-kill', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('keeps crypto going on the other HSM, refuses CreateKey, and recovers when healed', async () => {
    const [first] = await world.hsms();
    const added = await world.addFault({ kind: 'hsm-kill', target: { hsmId: first!.HsmId } });
    expect(added.status).to.equal(201);
    await waitFor('the HSM DEGRADED', async () => ((await world.hsms()).find((hsm) => hsm.HsmId === first!.HsmId)?.State === 'DEGRADED' ? true : undefined));

    for (let index = 0; index < 6; index += 1) await world.seal(`while one HSM is down ${index}`);
    await world.expectEverythingDecrypts();
    const createKey = () => world.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: world.customKeyStoreId }));
    expect(await world.outcome(createKey)).to.equal('CloudHsmClusterInvalidConfigurationException');

    expect((await world.heal(added.body.faultId!)).status).to.equal(200);
    expect((await world.hsms()).map((hsm) => hsm.State)).to.deep.equal(['ACTIVE', 'ACTIVE']);
    expect(await world.outcome(createKey)).to.equal('ok');
    await world.expectEverythingDecrypts();
  });
});
