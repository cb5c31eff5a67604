// Custom key store refusals through the unmodified aws CLI: the exception's name as __type, its message,
// and never the KeyStorePassword (the seed's happy path runs in test/e2e/kms).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { customKeyStoreHandlers } from '../../../src/kms/custom-key-stores/custom-key-store.handlers';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { kmsModel } from '../../../src/wire/aws-models';
import { customerCa } from '../../support/pki-fixtures';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { runAwsCli, TEST_KEYS, type AwsCliRun } from '../wire/aws-cli-runner';
import { SCOPE, KeyStoreWorld, KMSUSER_PASSWORD } from './key-store-world';

describe('custom key store refusals through the real aws CLI', function () {
  this.timeout(60_000);
  let world: KeyStoreWorld;
  let endpoint: AwsEndpoint;
  let port: number;
  let directory: string;
  let trustAnchorFile: string;

  before(async () => {
    world = await KeyStoreWorld.start();
    endpoint = new AwsEndpoint({ accounts: { [TEST_KEYS.accessKeyId]: SCOPE.accountId } });
    endpoint.register(kmsModel, customKeyStoreHandlers(world.portsContainer()));
    port = await endpoint.listen();
    directory = createTempDir('kms-cli');
    trustAnchorFile = join(directory, 'customerCA.crt');
    writeFileSync(trustAnchorFile, customerCa.certPem);
    world.createStore();
  });
  after(async () => {
    await endpoint?.close();
    await world?.reset();
    await world?.stop();
    removeTempDir(directory);
  });

  const kms = (...args: string[]): Promise<AwsCliRun> => runAwsCli(port, ['kms', ...args], { region: SCOPE.region });
  const create = (name: string, clusterId: string, password: string) =>
    kms('create-custom-key-store', '--custom-key-store-name', name, '--cloud-hsm-cluster-id', clusterId, '--key-store-password', password, '--trust-anchor-certificate', `file://${trustAnchorFile}`);
  const refusal = (run: AwsCliRun, name: string, operation: string) => {
    expect(run.code, run.stderr).to.not.equal(0);
    expect(run.stderr).to.contain(`An error occurred (${name}) when calling the ${operation} operation: `);
  };

  it('answers each refusal with its AWS name and a message that says what to do', async () => {
    refusal(await create('Other', 'cluster-doesnotexistx', KMSUSER_PASSWORD), 'CloudHsmClusterNotFoundException', 'CreateCustomKeyStore');
    const inUse = await create('Other', world.clusterId, KMSUSER_PASSWORD);
    refusal(inUse, 'CloudHsmClusterInUseException', 'CreateCustomKeyStore');
    expect(inUse.stderr).to.contain('use another cluster, or delete that custom key store first');
    refusal(await kms('connect-custom-key-store', '--custom-key-store-id', 'cks-00000000000000000'), 'CustomKeyStoreNotFoundException', 'ConnectCustomKeyStore');
    refusal(await kms('describe-custom-key-stores', '--custom-key-store-name', 'NoSuchStore'), 'CustomKeyStoreNotFoundException', 'DescribeCustomKeyStores');
  });

  it('never echoes the KeyStorePassword, not even a refused one', async () => {
    const tooLong = 'p'.repeat(33);
    const invalid = await create('Other', world.clusterId, tooLong);
    refusal(invalid, 'ValidationException', 'CreateCustomKeyStore');
    expect(invalid.stderr).to.contain("Value at 'keyStorePassword' failed to satisfy constraint").and.not.to.contain(tooLong);
    const described = await kms('describe-custom-key-stores');
    expect(described.code).to.equal(0);
    expect(described.stdout).to.contain('ExampleKeyStore').and.not.to.contain(KMSUSER_PASSWORD);
  });
});
