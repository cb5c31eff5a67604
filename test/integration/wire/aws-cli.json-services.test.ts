import { expect } from 'chai';
import { awsException } from '../../../src/shared/aws-exception';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { cloudHsmV2Model, kmsModel } from '../../../src/wire/aws-models';
import type { RequestContext } from '../../../src/wire/wire.types';
import { cliJson, runAwsCli } from './aws-cli-runner';

const CustomKeyStoreNotFoundException = awsException('CustomKeyStoreNotFoundException');

describe('awsJson services through the real aws CLI', function () {
  this.timeout(60_000);
  let endpoint: AwsEndpoint;
  let port: number;
  const contexts: RequestContext[] = [];

  before(async () => {
    endpoint = new AwsEndpoint({ accounts: { AKIDWIRETEST0000001: '210987654321' } });
    endpoint.register(cloudHsmV2Model, {
      DescribeClusters: (_input: unknown, context: RequestContext) => {
        contexts.push(context);
        return {
          Clusters: [
            {
              ClusterId: 'cluster-igklspoyj5v',
              State: 'UNINITIALIZED',
              HsmType: 'hsm1.medium',
              CreateTimestamp: new Date(1502423370069),
              SubnetMapping: { 'us-east-2a': 'subnet-0123456789abcdef0' },
              Hsms: [],
            },
          ],
        };
      },
      CreateCluster: () => expect.fail('CreateCluster must not be called with invalid input'),
    });
    endpoint.register(kmsModel, {
      DescribeCustomKeyStores: (input: { CustomKeyStoreId?: string }, context: RequestContext) => {
        contexts.push(context);
        if (input.CustomKeyStoreId === 'cks-00000000000000000') throw new CustomKeyStoreNotFoundException('No custom key store with ID cks-00000000000000000.');
        return { CustomKeyStores: [{ CustomKeyStoreId: 'cks-1234567890abcdef0', CustomKeyStoreName: 'store', ConnectionState: 'DISCONNECTED', CreationDate: new Date(1499288695918) }] };
      },
      GenerateRandom: (input: { NumberOfBytes: number }) => ({ Plaintext: Buffer.alloc(input.NumberOfBytes, 7) }),
    });
    port = await endpoint.listen();
  });

  after(() => endpoint.close());

  it('cloudhsmv2 describe-clusters parses the answer, with region and account from the request', async () => {
    const output = cliJson(await runAwsCli(port, ['cloudhsmv2', 'describe-clusters']));
    expect(output).to.deep.equal({
      Clusters: [
        {
          ClusterId: 'cluster-igklspoyj5v',
          State: 'UNINITIALIZED',
          HsmType: 'hsm1.medium',
          CreateTimestamp: 1502423370.069,
          SubnetMapping: { 'us-east-2a': 'subnet-0123456789abcdef0' },
          Hsms: [],
        },
      ],
    });
    expect(contexts.at(-1)).to.include({ region: 'us-east-2', accountId: '210987654321', accessKeyId: 'AKIDWIRETEST0000001', service: 'cloudhsm' });
  });

  it('kms describe-custom-key-stores and generate-random round-trip timestamps and blobs', async () => {
    const [stores, random] = await Promise.all([
      runAwsCli(port, ['kms', 'describe-custom-key-stores']),
      runAwsCli(port, ['kms', 'generate-random', '--number-of-bytes', '4']),
    ]);
    expect(cliJson(stores)['CustomKeyStores']).to.deep.equal([
      { CustomKeyStoreId: 'cks-1234567890abcdef0', CustomKeyStoreName: 'store', ConnectionState: 'DISCONNECTED', CreationDate: 1499288695.918 },
    ]);
    expect(cliJson(random)).to.deep.equal({ Plaintext: Buffer.alloc(4, 7).toString('base64') });
  });

  it('prints a ValidationException with AWS wording and exits 255 (aws CLI v1)', async () => {
    const [missing, badSubnet] = await Promise.all([
      runAwsCli(port, ['cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', 'subnet-12345678', '--tag-list', `Key=${'k'.repeat(129)},Value=v`]),
      runAwsCli(port, ['cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', 'subnet-xyz']),
    ]);
    expect(missing.code).to.equal(255);
    expect(missing.stderr.trim()).to.equal(
      `An error occurred (ValidationException) when calling the CreateCluster operation: 1 validation error detected: Value '${'k'.repeat(129)}' at 'tagList.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
    expect(badSubnet.stderr).to.include("Value '[subnet-xyz]' at 'subnetIds' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: subnet-[0-9a-fA-F]{8,17}]");
  });

  it('prints a service exception by its name', async () => {
    const run = await runAwsCli(port, ['kms', 'describe-custom-key-stores', '--custom-key-store-id', 'cks-00000000000000000']);
    expect(run.code).to.equal(255);
    expect(run.stderr.trim()).to.equal(
      'An error occurred (CustomKeyStoreNotFoundException) when calling the DescribeCustomKeyStores operation: No custom key store with ID cks-00000000000000000.',
    );
  });

  it('says which modelled operations are not simulated yet', async () => {
    const run = await runAwsCli(port, ['kms', 'list-keys']);
    expect(run.stderr.trim()).to.equal('An error occurred (UnsupportedOperationException) when calling the ListKeys operation: ListKeys is not simulated by cloudhsm-sim yet.');
  });
});
