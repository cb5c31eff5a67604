// Connect rotates kmsuser's password on every HSM (aws-behaviour 2.2 step 5). The new password is stored
// (sealed) as pending before the first HSM changes it; a simulator killed mid-rotation leaves some HSMs with
// the pending password, and the next connect logs in with it there instead of failing INVALID_CREDENTIALS.

import { expect } from 'chai';
import { KeyStoreWorld, KMSUSER_PASSWORD, kmsuser } from './key-store-world';

const PENDING = 'Pending-pw1';

describe('ConnectCustomKeyStore after a simulator died mid-rotation', function () {
  this.timeout(60_000);
  let world: KeyStoreWorld;
  before(async () => (world = await KeyStoreWorld.start()));
  afterEach(() => world.reset());
  after(() => world?.stop());

  const member = (index: number) => world.nodes.members[index]!;

  it('connects with the pending password where the HSM has it, stores the rotated one and forgets the pending one', async () => {
    const id = world.createStore();
    // The state a kill between "HSM 1 changed" and "rotated password stored" leaves behind.
    const admin = await world.admin(member(0));
    await admin.call('changePassword', kmsuser(PENDING));
    await admin.close();
    const store = world.storeRepository.get(id)!;
    world.storeRepository.save({ ...store, pendingKeyStorePassword: PENDING });

    expect(await world.connect(id)).to.include({ ConnectionState: 'CONNECTED' });

    const after = world.storeRepository.get(id)!;
    expect(after.pendingKeyStorePassword).to.equal(undefined);
    expect(after.keyStorePassword).to.not.be.oneOf([KMSUSER_PASSWORD, PENDING]);
    await world.disconnect(id);
    for (const index of [0, 1]) expect(await world.kmsuserLogsIn(member(index), after.keyStorePassword), `HSM ${index}`).to.equal(true);
  });

  it('still fails INVALID_CREDENTIALS when neither the stored nor a pending password is kmsuser\'s', async () => {
    const id = world.createStore();
    const admin = await world.admin(member(0));
    await admin.call('changePassword', kmsuser('Someone-else1'));
    await admin.close();
    world.storeRepository.save({ ...world.storeRepository.get(id)!, pendingKeyStorePassword: PENDING });
    expect(await world.connect(id)).to.include({ ConnectionState: 'FAILED', ConnectionErrorCode: 'INVALID_CREDENTIALS' });
  });

  it('a plain connect leaves no pending password behind', async () => {
    const id = world.createStore();
    expect(await world.connect(id)).to.include({ ConnectionState: 'CONNECTED' });
    expect(world.storeRepository.get(id)!.pendingKeyStorePassword).to.equal(undefined);
  });
});
