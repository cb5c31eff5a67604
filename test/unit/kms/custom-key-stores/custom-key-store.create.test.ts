// CreateCustomKeyStore: the new store, the idempotent retry, and every refusal of aws-behaviour 2.1 and 5.

import { expect } from 'chai';
import { HsmState } from '../../../../src/cloudhsm/domain/hsm.states';
import { ClusterState } from '../../../../src/cloudhsm/domain/cluster.states';
import { CUSTOM_KEY_STORES_PER_REGION } from '../../../../src/kms/custom-key-stores/custom-key-store.service';
import { customerCa, otherCa } from '../../../support/pki-fixtures';
import { expectKmsError, openKeyStoreWorld, PASSWORD, SCOPE, type KeyStoreWorld } from './key-store-fixture';

describe('CreateCustomKeyStore (2.1)', () => {
  let world: KeyStoreWorld;
  beforeEach(() => (world = openKeyStoreWorld()));
  afterEach(() => world.close());

  const create = (clusterId: string, name = 'ExampleKeyStore', changes: Record<string, string> = {}) =>
    world.stores.createCustomKeyStore(SCOPE, {
      CustomKeyStoreName: name,
      CloudHsmClusterId: clusterId,
      TrustAnchorCertificate: customerCa.certPem,
      KeyStorePassword: PASSWORD,
      ...changes,
    });

  it('creates a DISCONNECTED store with a cks- id, and does not connect', async () => {
    const cluster = world.addCluster();
    const { CustomKeyStoreId } = create(cluster.clusterId);
    expect(CustomKeyStoreId).to.match(/^cks-[0-9a-f]{17}$/);
    await world.scheduler.idle();
    const [store] = world.queries.describeCustomKeyStores(SCOPE, {}).CustomKeyStores;
    expect(store).to.deep.equal({
      CustomKeyStoreId,
      CustomKeyStoreName: 'ExampleKeyStore',
      CloudHsmClusterId: cluster.clusterId,
      TrustAnchorCertificate: customerCa.certPem,
      ConnectionState: 'DISCONNECTED',
      CreationDate: world.clock.now(),
      CustomKeyStoreType: 'AWS_CLOUDHSM',
    });
  });

  it('returns the same store for a retry with the same properties while it is DISCONNECTED', () => {
    const cluster = world.addCluster();
    const first = create(cluster.clusterId);
    const withOtherLineEndings = customerCa.certPem.replace(/\n/g, '\r\n');
    expect(create(cluster.clusterId, 'ExampleKeyStore', { TrustAnchorCertificate: withOtherLineEndings })).to.deep.equal(first);
    expect(world.queries.describeCustomKeyStores(SCOPE, {}).CustomKeyStores).to.have.length(1);
    expectKmsError(() => create(cluster.clusterId, 'ExampleKeyStore', { KeyStorePassword: 'otherPswd' }), 'CustomKeyStoreNameInUseException');
  });

  it('refuses a name already in use in the account and Region', () => {
    create(world.addCluster().clusterId, 'shared');
    const error = expectKmsError(() => create(world.addCluster().clusterId, 'shared'), 'CustomKeyStoreNameInUseException');
    expect(error.message).to.contain('Choose another name');
  });

  it('refuses a cluster that does not exist, or exists in another Region', () => {
    expectKmsError(() => create('cluster-doesnotexist'), 'CloudHsmClusterNotFoundException');
    const elsewhere = world.addCluster({}, { accountId: SCOPE.accountId, region: 'eu-west-1' });
    expectKmsError(() => create(elsewhere.clusterId), 'CloudHsmClusterNotFoundException');
  });

  it('refuses a cluster already associated with a store, or sharing its backup history', () => {
    const cluster = world.addCluster();
    const { CustomKeyStoreId } = create(cluster.clusterId, 'first');
    const again = expectKmsError(() => create(cluster.clusterId, 'second'), 'CloudHsmClusterInUseException');
    expect(again.message).to.contain(CustomKeyStoreId);
    const fromBackup = world.addCluster({ clusterCertificate: cluster.clusterCertificate! });
    const related = expectKmsError(() => create(fromBackup.clusterId, 'third'), 'CloudHsmClusterInUseException');
    expect(related.message).to.contain(`shares a backup history with cluster ${cluster.clusterId}`);
  });

  it('refuses a cluster that is not ACTIVE, and says how to get there', () => {
    const cluster = world.addCluster({ state: ClusterState.INITIALIZED });
    const error = expectKmsError(() => create(cluster.clusterId), 'CloudHsmClusterNotActiveException');
    expect(error.message).to.contain('is INITIALIZED').and.to.contain('change its password');
  });

  it('refuses a cluster security group without the 2223-2225 rules, and names the direction', () => {
    const cluster = world.addCluster();
    world.securityGroups.revoke(SCOPE.accountId, SCOPE.region, cluster.securityGroup, 'egress', {
      permissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: cluster.securityGroup }] }],
    });
    const error = expectKmsError(() => create(cluster.clusterId), 'CloudHsmClusterInvalidConfigurationException');
    expect(error.message).to.contain('lacks an outbound rule to the group itself').and.not.to.contain('inbound');
    expect(error.message).to.contain(`authorize-security-group-egress --group-id ${cluster.securityGroup}`);
  });

  it('refuses subnets in fewer than two Availability Zones', () => {
    const subnet = world.subnets.listSubnets(SCOPE.accountId, SCOPE.region)[0]!;
    const cluster = world.addCluster({ subnetMapping: { [subnet.availabilityZone]: subnet.id } });
    const error = expectKmsError(() => create(cluster.clusterId), 'CloudHsmClusterInvalidConfigurationException');
    expect(error.message).to.contain(`in 1 Availability Zone (${subnet.availabilityZone})`);
  });

  it('refuses fewer than two ACTIVE HSMs in different zones, and names the zones to add one in', () => {
    const cluster = world.addCluster();
    const [first, second] = cluster.hsms as [(typeof cluster.hsms)[0], (typeof cluster.hsms)[0]];
    const sameZone = world.addCluster({ hsms: [first, { ...first, hsmId: 'hsm-samezone01' }, { ...second, state: HsmState.DEGRADED }] });
    const error = expectKmsError(() => create(sameZone.clusterId), 'CloudHsmClusterInvalidConfigurationException');
    expect(error.message).to.contain(`ACTIVE HSMs only in ${first.availabilityZone}`).and.to.contain(`Add an HSM in ${second.availabilityZone}`);
    const none = world.addCluster({ hsms: [] });
    expect(expectKmsError(() => create(none.clusterId), 'CloudHsmClusterInvalidConfigurationException').message).to.contain('has no ACTIVE HSM');
  });

  it("refuses a trust anchor that is not the cluster's, or not a certificate", () => {
    const cluster = world.addCluster();
    expectKmsError(() => create(cluster.clusterId, 'x', { TrustAnchorCertificate: otherCa.certPem }), 'IncorrectTrustAnchorException');
    const garbage = expectKmsError(() => create(cluster.clusterId, 'x', { TrustAnchorCertificate: 'not a certificate' }), 'IncorrectTrustAnchorException');
    expect(garbage.message).to.contain('not a PEM certificate');
  });

  it(`refuses an eleventh store in a Region (quota ${CUSTOM_KEY_STORES_PER_REGION})`, () => {
    for (let index = 0; index < CUSTOM_KEY_STORES_PER_REGION; index += 1) create(world.addCluster().clusterId, `store-${index}`);
    const error = expectKmsError(() => create(world.addCluster().clusterId, 'one too many'), 'LimitExceededException');
    expect(error.message).to.contain(`already has ${CUSTOM_KEY_STORES_PER_REGION} custom key stores`);
  });

  it('refuses passwords outside 7-32 characters, external key stores, and missing CloudHSM members', () => {
    const cluster = world.addCluster();
    expectKmsError(() => create(cluster.clusterId, 'x', { KeyStorePassword: 'short' }), 'ValidationException');
    expectKmsError(() => create(cluster.clusterId, 'x', { KeyStorePassword: 'a'.repeat(33) }), 'ValidationException');
    expectKmsError(() => create(cluster.clusterId, 'x', { CustomKeyStoreType: 'EXTERNAL_KEY_STORE' }), 'UnsupportedOperationException');
    expectKmsError(() => world.stores.createCustomKeyStore(SCOPE, { CustomKeyStoreName: 'x', CloudHsmClusterId: cluster.clusterId }), 'ValidationException');
    expect(world.queries.describeCustomKeyStores(SCOPE, {}).CustomKeyStores).to.deep.equal([]);
  });
});
