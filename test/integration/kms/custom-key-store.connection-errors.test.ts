// One test per CloudHSM ConnectionErrorCode (aws-behaviour 3.4), each from its real cause on real HSMs:
// the connection ends FAILED with that code, and nothing KMS built is left in the VPC.

import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import type { RpcClient } from '../../../hsm-sim/protocol';
import { customerCa } from '../../support/pki-fixtures';
import { SCOPE, KeyStoreWorld, KMSUSER_PASSWORD, kmsuser } from './key-store-world';

describe('ConnectCustomKeyStore failures from their real causes (3.4)', function () {
  this.timeout(60_000);
  let world: KeyStoreWorld;
  before(async () => (world = await KeyStoreWorld.start()));
  afterEach(() => world.reset());
  after(() => world?.stop());

  const member = (index: number) => world.nodes.members[index]!;

  async function failsWith(customKeyStoreId: string, code: string): Promise<void> {
    expect(await world.connect(customKeyStoreId)).to.include({ ConnectionState: 'FAILED', ConnectionErrorCode: code });
    const left = world.interfaces.listNetworkInterfaces(SCOPE.accountId, SCOPE.region).filter((eni) => eni.requester === 'kms');
    expect(left, 'KMS ENIs left behind').to.deep.equal([]);
    expect(world.storeRepository.get(customKeyStoreId)!.plumbing).to.equal(undefined);
  }

  it('INVALID_CREDENTIALS: the password KMS was given (UpdateCustomKeyStore KeyStorePassword) is not kmsuser\'s', async () => {
    const id = world.createStore();
    world.services.stores.updateCustomKeyStore(SCOPE, { CustomKeyStoreId: id, KeyStorePassword: 'notThePassword1' });
    await failsWith(id, 'INVALID_CREDENTIALS');
    const admin = await world.admin(member(0));
    const [user] = (await admin.call<{ username: string; loginFailures: number }[]>('listUsers')).filter((candidate) => candidate.username === 'kmsuser');
    expect(user!.loginFailures, 'the HSM counted the failed login').to.equal(1);
  });

  it('USER_LOCKED_OUT: kmsuser locked by 5 wrong logins on an HSM', async () => {
    const id = world.createStore();
    const management = await world.nodes.connect(member(0), 'management', customerCa.certPem);
    for (let attempt = 0; attempt < 5; attempt += 1) await management.call('login', kmsuser('wrongPassword')).catch(() => undefined);
    await failsWith(id, 'USER_LOCKED_OUT');
  });

  it('USER_NOT_FOUND: kmsuser deleted from one HSM (users are not synchronised)', async () => {
    const id = world.createStore();
    await (await world.admin(member(1))).call('deleteUser', { role: 'CU', username: 'kmsuser' });
    await failsWith(id, 'USER_NOT_FOUND');
  });

  it('USER_LOGGED_IN: kmsuser logged in elsewhere; the HSMs keep the password KMS was given', async () => {
    const id = world.createStore();
    const elsewhere: RpcClient = await world.nodes.loggedIn(member(1), 'crypto', kmsuser(), customerCa.certPem);
    await failsWith(id, 'USER_LOGGED_IN');
    await elsewhere.close();
    // The first HSM took the new password before the second refused it; KMS put the old one back.
    for (const index of [0, 1]) expect(await world.kmsuserLogsIn(member(index), KMSUSER_PASSWORD), `HSM ${index}`).to.equal(true);
  });

  it('CLUSTER_NOT_FOUND: the cluster was deleted', async () => {
    const clusterId = world.addCluster();
    const id = world.createStore(clusterId, 'orphan');
    world.deleteCluster(clusterId);
    await failsWith(id, 'CLUSTER_NOT_FOUND');
  });

  it('INSUFFICIENT_CLOUDHSM_HSMS: the cluster has no ACTIVE HSM', async () => {
    const clusterId = world.addCluster();
    const id = world.createStore(clusterId, 'no-hsms');
    world.removeHsms(clusterId);
    await failsWith(id, 'INSUFFICIENT_CLOUDHSM_HSMS');
  });

  it('SUBNET_NOT_FOUND: a subnet of the cluster was deleted', async () => {
    const [zoneA, zoneB, zoneC] = world.subnets.listSubnets(SCOPE.accountId, SCOPE.region);
    const spare = world.subnets.createSubnet(SCOPE.accountId, SCOPE.region, { vpcId: zoneA!.vpcId, cidrBlock: '10.0.200.0/28', availabilityZone: zoneC!.availabilityZone });
    const clusterId = world.addCluster({ subnets: { [zoneA!.availabilityZone]: zoneA!.id, [zoneB!.availabilityZone]: zoneB!.id, [spare.availabilityZone]: spare.id } });
    const id = world.createStore(clusterId, 'lost-subnet');
    world.subnets.deleteSubnet(SCOPE.accountId, SCOPE.region, spare.id);
    await failsWith(id, 'SUBNET_NOT_FOUND');
  });

  it('INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET: a /28 subnet of the cluster filled with ENIs', async () => {
    const [zoneA, zoneB, zoneC] = world.subnets.listSubnets(SCOPE.accountId, SCOPE.region);
    const small = world.subnets.createSubnet(SCOPE.accountId, SCOPE.region, { vpcId: zoneA!.vpcId, cidrBlock: '10.0.201.0/28', availabilityZone: zoneC!.availabilityZone });
    const clusterId = world.addCluster({ subnets: { [zoneA!.availabilityZone]: zoneA!.id, [zoneB!.availabilityZone]: zoneB!.id, [small.availabilityZone]: small.id } });
    const id = world.createStore(clusterId, 'full-subnet');
    const fillers = Array.from({ length: small.availableIpAddressCount }, () =>
      world.interfaces.allocateNetworkInterface({ ...SCOPE, subnetId: small.id, securityGroupIds: [], description: 'filler', requester: 'test' }),
    );
    await failsWith(id, 'INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET');
    for (const eni of fillers) world.interfaces.releaseNetworkInterface(SCOPE.accountId, SCOPE.region, eni.id);
  });

  it('NETWORK_ERRORS: an HSM does not answer on its port 2223', async () => {
    const id = world.createStore();
    world.nodes.fleet.hang(member(1).hsmId);
    try {
      await failsWith(id, 'NETWORK_ERRORS');
    } finally {
      world.nodes.fleet.resume(member(1).hsmId);
    }
  });

  it('a kmsuser with 2FA cannot be logged in by KMS (INVALID_CREDENTIALS); deleting and recreating it without 2FA fixes it', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const twoFactorPublicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const index of [0, 1]) {
      const admin = await world.admin(member(index));
      await admin.call('deleteUser', { role: 'CU', username: 'kmsuser' });
      await admin.call('createUser', { ...kmsuser(), twoFactorPublicKeyPem });
    }
    const id = world.createStore();
    await failsWith(id, 'INVALID_CREDENTIALS');

    await world.disconnect(id);
    for (const index of [0, 1]) {
      const admin = await world.admin(member(index));
      await admin.call('deleteUser', { role: 'CU', username: 'kmsuser' });
      await admin.call('createUser', kmsuser());
    }
    expect((await world.connect(id)).ConnectionState).to.equal('CONNECTED');
  });
});
