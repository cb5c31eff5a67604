// kmsuser-password-drift: a CO changes kmsuser's password behind KMS's back. Refused while the store is
// CONNECTED (kmsuser is logged in); after a disconnect it takes, the next connect ends FAILED with
// INVALID_CREDENTIALS, and the documented fix (set a known password, UpdateCustomKeyStore, connect)
// brings the store back with every key.

import { UpdateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { FaultWorld } from './fault-world';

describe('fault kmsuser-password-drift', function () {
  this.timeout(120_000);
  let world: FaultWorld;
  before(async () => (world = await FaultWorld.start()));
  after(async () => world?.stop());

  it('is refused while CONNECTED, then fails the connect with INVALID_CREDENTIALS until the documented fix', async () => {
    const drift = { kind: 'kmsuser-password-drift', target: { clusterId: world.clusterId }, params: { password: 'Known-pass7' } };
    const refused = await world.addFault(drift);
    expect(refused.status).to.equal(409);
    expect(refused.body.message).to.contain('Disconnect').and.not.contain('Known-pass7');

    await world.disconnect();
    const added = await world.addFault(drift);
    expect(added.status).to.equal(201);
    expect(JSON.stringify((await world.admin('GET', '/_sim/faults')).body)).not.to.contain('Known-pass7');
    await world.connect();
    expect((await world.waitForStore('FAILED')).ConnectionErrorCode).to.equal('INVALID_CREDENTIALS');

    // fix-keystore, INVALID_CREDENTIALS: set a known password, then give it to the store.
    await world.disconnect();
    await world.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: world.customKeyStoreId, KeyStorePassword: 'Known-pass7' }));
    await world.connect();
    await world.waitForStore('CONNECTED');
    await world.heal(added.body.faultId!);
    await world.expectEverythingDecrypts();
  });
});
