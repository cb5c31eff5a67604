// The seed procedure's connect on real HSMs (aws-behaviour 2.2, 2.3): CONNECTING -> CONNECTED with KMS's
// ENIs and security group in the VPC, kmsuser logged in on every HSM with a password only KMS knows;
// disconnect logs out and removes the plumbing.

import { expect } from 'chai';
import { SCOPE, KeyStoreWorld, KMSUSER_PASSWORD, kmsuser } from './key-store-world';
import { expectNodeError } from '../../support/expect-error';

describe('ConnectCustomKeyStore on real HSMs (2 node processes, SoftHSM, TLS)', function () {
  this.timeout(60_000);
  let world: KeyStoreWorld;
  before(async () => (world = await KeyStoreWorld.start()));
  afterEach(() => world.reset());
  after(() => world?.stop());

  const kmsInterfaces = () => world.interfaces.listNetworkInterfaces(SCOPE.accountId, SCOPE.region).filter((eni) => eni.requester === 'kms');
  const kmsGroups = (id: string) => world.securityGroups.listSecurityGroups(SCOPE.accountId, SCOPE.region).filter((group) => group.name === `kms-${id}`);

  it('reaches CONNECTED, with one ENI per cluster subnet and security group kms-<store id>', async () => {
    const id = world.createStore();
    world.services.connections.connectCustomKeyStore(SCOPE, { CustomKeyStoreId: id });
    expect(world.describe(id).ConnectionState).to.equal('CONNECTING');
    await world.services.scheduler.idle();
    expect(world.describe(id)).to.include({ ConnectionState: 'CONNECTED' }).and.not.to.have.property('ConnectionErrorCode');

    const cluster = world.clusters.getCluster(world.clusterId)!;
    const [group] = kmsGroups(id);
    expect(group, 'security group kms-<store id>').to.not.equal(undefined);
    expect(group!.rules.filter((rule) => rule.direction === 'ingress').map((rule) => rule.peer)).to.deep.equal([{ kind: 'group', groupId: cluster.securityGroup, userId: SCOPE.accountId }]);
    const enis = kmsInterfaces();
    expect(enis.map((eni) => eni.subnetId)).to.have.members(Object.values(cluster.subnetMapping));
    for (const eni of enis) {
      expect(eni.description).to.equal(`KMS managed ENI for cluster ${world.clusterId}`);
      expect(eni.securityGroupIds).to.have.members([group!.id, cluster.securityGroup]);
    }
  });

  it('rotates kmsuser\'s password on every HSM: kmsPswd no longer logs in, and a CO cannot change it while KMS is logged in', async () => {
    const id = world.createStore();
    expect((await world.connect(id)).ConnectionState).to.equal('CONNECTED');
    for (const member of world.nodes.members) {
      expect(await world.kmsuserLogsIn(member, KMSUSER_PASSWORD)).to.equal('CKR_PIN_INCORRECT');
      // 3.6: changePswd refuses a user who is logged in.
      await expectNodeError((await world.admin(member)).call('changePassword', kmsuser('coChosen1')), 'CKR_USER_ALREADY_LOGGED_IN');
    }
    const rotated = world.storeRepository.get(id)!.keyStorePassword;
    expect(rotated).to.match(/^[A-Za-z0-9]{32}$/);
    for (const member of world.nodes.members) expect(await world.kmsuserLogsIn(member, rotated)).to.equal(true);
  });

  it('disconnects: logs kmsuser out everywhere, removes the ENIs and the group, and a new connect rotates again', async () => {
    const id = world.createStore();
    await world.connect(id);
    const first = world.storeRepository.get(id)!.keyStorePassword;
    world.services.connections.disconnectCustomKeyStore(SCOPE, { CustomKeyStoreId: id });
    expect(world.describe(id).ConnectionState).to.equal('DISCONNECTING');
    await world.services.scheduler.idle();
    expect(world.describe(id).ConnectionState).to.equal('DISCONNECTED');
    expect(kmsInterfaces()).to.deep.equal([]);
    expect(kmsGroups(id)).to.deep.equal([]);
    expect(world.services.crypto.isConnected(id)).to.equal(false);

    expect((await world.connect(id)).ConnectionState).to.equal('CONNECTED');
    const second = world.storeRepository.get(id)!.keyStorePassword;
    expect(second).not.to.equal(first);
    expect(await world.kmsuserLogsIn(world.nodes.members[0]!, first)).to.equal('CKR_PIN_INCORRECT');
  });
});
