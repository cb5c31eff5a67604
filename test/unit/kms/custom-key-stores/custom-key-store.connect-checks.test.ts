// ConnectCustomKeyStore and DisconnectCustomKeyStore on fakes: the synchronous checks of 2.2, the legality
// table of 3.3, and the failures the connector finds before it reaches any HSM.

import { expect } from 'chai';
import { ClusterState } from '../../../../src/cloudhsm/domain/cluster.states';
import type { ClusterFacts } from '../../../../src/kms/custom-key-stores/ports/cluster-directory.port';
import { expectKmsError, openKeyStoreWorld, SCOPE, type KeyStoreWorld } from './key-store-fixture';

describe('ConnectCustomKeyStore and DisconnectCustomKeyStore: checks and states (2.2, 2.3, 3.3)', () => {
  let world: KeyStoreWorld;
  let cluster: ClusterFacts;
  let id: string;
  beforeEach(() => {
    world = openKeyStoreWorld();
    cluster = world.addCluster();
    id = world.createStore('store', cluster);
  });
  afterEach(() => world.close());

  const connect = () => world.connections.connectCustomKeyStore(SCOPE, { CustomKeyStoreId: id });
  const disconnect = () => world.connections.disconnectCustomKeyStore(SCOPE, { CustomKeyStoreId: id });
  const describe1 = () => world.queries.describeCustomKeyStores(SCOPE, { CustomKeyStoreId: id }).CustomKeyStores[0]!;
  const changeCluster = (changes: Partial<ClusterFacts>) => world.directory.clusters.set(cluster.clusterId, { scope: SCOPE, facts: { ...cluster, ...changes } });
  const kmsInterfaces = () => world.interfaces.listNetworkInterfaces(SCOPE.accountId, SCOPE.region).filter((eni) => eni.requester === 'kms');

  it('refuses a cluster that is not ACTIVE or lacks its security group rules, and the store stays DISCONNECTED', () => {
    changeCluster({ state: ClusterState.UPDATE_IN_PROGRESS });
    expectKmsError(connect, 'CloudHsmClusterNotActiveException');
    changeCluster({});
    world.securityGroups.revoke(SCOPE.accountId, SCOPE.region, cluster.securityGroup, 'ingress', {
      permissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: cluster.securityGroup }] }],
    });
    expect(expectKmsError(connect, 'CloudHsmClusterInvalidConfigurationException').message).to.contain('lacks an inbound rule from the group itself');
    expect(describe1().ConnectionState).to.equal('DISCONNECTED');
    expectKmsError(() => world.connections.connectCustomKeyStore(SCOPE, { CustomKeyStoreId: 'cks-00000000000000000' }), 'CustomKeyStoreNotFoundException');
  });

  it('connects a store whose cluster is gone, and fails it with CLUSTER_NOT_FOUND, leaving nothing behind', async () => {
    world.directory.clusters.delete(cluster.clusterId);
    expect(connect()).to.deep.equal({});
    expect(describe1().ConnectionState).to.equal('CONNECTING');
    await world.scheduler.idle();
    expect(describe1()).to.include({ ConnectionState: 'FAILED', ConnectionErrorCode: 'CLUSTER_NOT_FOUND' });
    expect(kmsInterfaces()).to.deep.equal([]);
  });

  it('fails with INSUFFICIENT_CLOUDHSM_HSMS when no HSM of the cluster is ACTIVE', async () => {
    changeCluster({ hsms: [] });
    connect();
    await world.scheduler.idle();
    expect(describe1()).to.include({ ConnectionState: 'FAILED', ConnectionErrorCode: 'INSUFFICIENT_CLOUDHSM_HSMS' });
  });

  it('needs a FAILED store disconnected before it connects again; DISCONNECTED clears the error code', async () => {
    world.directory.clusters.delete(cluster.clusterId);
    connect();
    await world.scheduler.idle();
    expect(expectKmsError(connect, 'CustomKeyStoreInvalidStateException').message).to.contain('failed with CLUSTER_NOT_FOUND');
    disconnect();
    expect(describe1().ConnectionState).to.equal('DISCONNECTING');
    expect(describe1()).not.to.have.property('ConnectionErrorCode');
    expectKmsError(connect, 'CustomKeyStoreInvalidStateException');
    expectKmsError(disconnect, 'CustomKeyStoreInvalidStateException');
    await world.scheduler.idle();
    expect(describe1().ConnectionState).to.equal('DISCONNECTED');
    expect(expectKmsError(disconnect, 'CustomKeyStoreInvalidStateException').message).to.contain('already disconnected');
  });

  it('takes Connect on a CONNECTING store as a no-op, and Disconnect while CONNECTING wins', async () => {
    connect();
    connect();
    expect(world.repository.get(id)!.connectionAttempt).to.equal(1);
    disconnect();
    await world.scheduler.idle();
    expect(describe1().ConnectionState).to.equal('DISCONNECTED');
    expect(kmsInterfaces()).to.deep.equal([]);
  });
});
