// UpdateCustomKeyStore (2.5) and DeleteCustomKeyStore (2.6) on a store in each connection state.

import { expect } from 'chai';
import { ClusterState } from '../../../../src/cloudhsm/domain/cluster.states';
import type { CustomKeyStoreRecord } from '../../../../src/kms/custom-key-stores/domain/custom-key-store';
import { ConnectionState } from '../../../../src/kms/custom-key-stores/domain/custom-key-store.states';
import type { ClusterFacts } from '../../../../src/kms/custom-key-stores/ports/cluster-directory.port';
import { expectKmsError, openKeyStoreWorld, SCOPE, type KeyStoreWorld } from './key-store-fixture';

describe('UpdateCustomKeyStore (2.5) and DeleteCustomKeyStore (2.6)', () => {
  let world: KeyStoreWorld;
  let cluster: ClusterFacts;
  let id: string;
  beforeEach(() => {
    world = openKeyStoreWorld();
    cluster = world.addCluster();
    id = world.createStore('store', cluster);
  });
  afterEach(() => world.close());

  const update = (changes: { NewCustomKeyStoreName?: string; KeyStorePassword?: string; CloudHsmClusterId?: string }) =>
    world.stores.updateCustomKeyStore(SCOPE, { CustomKeyStoreId: id, ...changes });
  const stored = (): CustomKeyStoreRecord => world.repository.get(id)!;
  const putInState = (connectionState: ConnectionState) => world.repository.save({ ...stored(), connectionState });

  it('renames a DISCONNECTED or CONNECTED store, to a name no other store has', () => {
    update({ NewCustomKeyStoreName: 'renamed' });
    putInState(ConnectionState.CONNECTED);
    update({ NewCustomKeyStoreName: 'renamed again' });
    expect(stored().name).to.equal('renamed again');
    const other = world.addCluster();
    world.createStore('taken', other);
    expectKmsError(() => update({ NewCustomKeyStoreName: 'taken' }), 'CustomKeyStoreNameInUseException');
  });

  it('refuses a new name while CONNECTING, FAILED or DISCONNECTING', () => {
    for (const state of [ConnectionState.CONNECTING, ConnectionState.FAILED, ConnectionState.DISCONNECTING]) {
      putInState(state);
      expectKmsError(() => update({ NewCustomKeyStoreName: 'renamed' }), 'CustomKeyStoreInvalidStateException');
    }
  });

  it('takes a new password only while DISCONNECTED, and changes nothing else', () => {
    update({ KeyStorePassword: 'newPassword1' });
    expect(stored().keyStorePassword).to.equal('newPassword1');
    putInState(ConnectionState.CONNECTED);
    const error = expectKmsError(() => update({ KeyStorePassword: 'otherPassword1' }), 'CustomKeyStoreInvalidStateException');
    expect(error.message).to.contain('Disconnect it first');
    expectKmsError(() => update({ KeyStorePassword: 'short' }), 'ValidationException');
  });

  it('moves to a related cluster (same backup history) only', () => {
    const related = world.addCluster({ clusterCertificate: cluster.clusterCertificate! });
    update({ CloudHsmClusterId: related.clusterId });
    expect(stored().cloudHsmClusterId).to.equal(related.clusterId);
    expectKmsError(() => update({ CloudHsmClusterId: world.addCluster().clusterId }), 'CloudHsmClusterNotRelatedException');
    expectKmsError(() => update({ CloudHsmClusterId: 'cluster-doesnotexist' }), 'CloudHsmClusterNotFoundException');
    const inactive = world.addCluster({ clusterCertificate: cluster.clusterCertificate!, state: ClusterState.UPDATE_IN_PROGRESS });
    expectKmsError(() => update({ CloudHsmClusterId: inactive.clusterId }), 'CloudHsmClusterNotActiveException');
    const oneHsm = world.addCluster({ clusterCertificate: cluster.clusterCertificate!, hsms: cluster.hsms.slice(0, 1) });
    expectKmsError(() => update({ CloudHsmClusterId: oneHsm.clusterId }), 'CloudHsmClusterInvalidConfigurationException');
    putInState(ConnectionState.FAILED);
    expectKmsError(() => update({ CloudHsmClusterId: cluster.clusterId }), 'CustomKeyStoreInvalidStateException');
    expectKmsError(() => world.stores.updateCustomKeyStore(SCOPE, { CustomKeyStoreId: 'cks-00000000000000000' }), 'CustomKeyStoreNotFoundException');
  });

  it('deletes a DISCONNECTED store without keys, and leaves its cluster free for a new store', () => {
    world.keyCounts.set(id, 1);
    expect(expectKmsError(() => world.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: id }), 'CustomKeyStoreHasCMKsException').message).to.contain('holds 1 KMS key');
    world.keyCounts.set(id, 0);
    putInState(ConnectionState.CONNECTED);
    expectKmsError(() => world.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: id }), 'CustomKeyStoreInvalidStateException');
    putInState(ConnectionState.DISCONNECTED);
    world.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: id });
    expectKmsError(() => world.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: id }), 'CustomKeyStoreNotFoundException');
    world.createStore('again', cluster);
  });
});
