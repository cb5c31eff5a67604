// KeyStorePassword is kmsuser's password: it never appears in a describe, an error message or a log line.

import { expect } from 'chai';
import { customerCa } from '../../../support/pki-fixtures';
import { openKeyStoreWorld, SCOPE, type KeyStoreWorld } from './key-store-fixture';

const SECRET = 'Sup3rSecretPswd';

describe('KeyStorePassword secrecy', () => {
  let world: KeyStoreWorld;
  beforeEach(() => (world = openKeyStoreWorld()));
  afterEach(() => world.close());

  function failureMessage(action: () => unknown): string {
    try {
      action();
    } catch (error) {
      return String(error);
    }
    return '';
  }

  it('is in no describe, error or log line, whatever happens to the store', async () => {
    const cluster = world.addCluster();
    const request = { CustomKeyStoreName: 'secret-store', CloudHsmClusterId: cluster.clusterId, TrustAnchorCertificate: customerCa.certPem, KeyStorePassword: SECRET };
    const { CustomKeyStoreId } = world.stores.createCustomKeyStore(SCOPE, request);
    const messages = [
      failureMessage(() => world.stores.createCustomKeyStore(SCOPE, { ...request, KeyStorePassword: `${SECRET}x` })),
      failureMessage(() => world.stores.createCustomKeyStore(SCOPE, { ...request, KeyStorePassword: `${SECRET}${'x'.repeat(32)}` })),
      failureMessage(() => world.stores.updateCustomKeyStore(SCOPE, { CustomKeyStoreId, KeyStorePassword: SECRET.slice(0, 5) })),
    ];
    world.directory.clusters.delete(cluster.clusterId);
    world.connections.connectCustomKeyStore(SCOPE, { CustomKeyStoreId });
    await world.scheduler.idle();
    messages.push(failureMessage(() => world.stores.updateCustomKeyStore(SCOPE, { CustomKeyStoreId, KeyStorePassword: SECRET })));

    expect(messages.filter((message) => message === '')).to.deep.equal([]);
    const seen = [JSON.stringify(world.queries.describeCustomKeyStores(SCOPE, {})), ...messages, ...world.logLines].join('\n');
    expect(world.logLines.some((line) => line.includes('CLUSTER_NOT_FOUND'))).to.equal(true);
    expect(seen).not.to.contain(SECRET.slice(0, 7));
  });
});
