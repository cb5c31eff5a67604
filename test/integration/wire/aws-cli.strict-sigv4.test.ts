import { expect } from 'chai';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import type { RequestContext } from '../../../src/wire/wire.types';
import { cliJson, runAwsCli, TEST_KEYS } from './aws-cli-runner';

describe('strict SigV4 verification against the real aws CLI', function () {
  this.timeout(60_000);
  let endpoint: AwsEndpoint;
  let port: number;
  const contexts: RequestContext[] = [];
  const remember =
    (output: object) =>
    (_input: unknown, context: RequestContext): object => {
      contexts.push(context);
      return output;
    };

  before(async () => {
    endpoint = new AwsEndpoint({ strict: true, credentials: { [TEST_KEYS.accessKeyId]: { secretAccessKey: TEST_KEYS.secretAccessKey, accountId: '999988887777' } } });
    endpoint.register(kmsModel, { DescribeCustomKeyStores: remember({ CustomKeyStores: [] }) });
    endpoint.register(cloudHsmV2Model, { DescribeClusters: remember({ Clusters: [] }) });
    endpoint.register(ec2Model, { DescribeSubnets: remember({ Subnets: [] }) });
    port = await endpoint.listen();
  });

  after(() => endpoint.close());

  it('accepts what botocore signs with the right key, for each signing name (kms, cloudhsm, ec2)', async () => {
    const runs = await Promise.all([
      runAwsCli(port, ['kms', 'describe-custom-key-stores'], { region: 'eu-west-1' }),
      runAwsCli(port, ['cloudhsmv2', 'describe-clusters']),
      runAwsCli(port, ['ec2', 'describe-subnets', '--filters', 'Name=vpc-id,Values=vpc-1']),
    ]);
    runs.forEach((run) => cliJson(run));
    expect(contexts.map((context) => [context.service, context.region, context.accountId])).to.have.deep.members([
      ['kms', 'eu-west-1', '999988887777'],
      ['cloudhsm', 'us-east-2', '999988887777'],
      ['ec2', 'us-east-2', '999988887777'],
    ]);
  });

  it('refuses a wrong secret and an unknown key, in each protocol', async () => {
    const wrongSecret = { ...TEST_KEYS, secretAccessKey: 'not-the-secret' };
    const unknownKey = { accessKeyId: 'AKIDUNKNOWN00000000', secretAccessKey: TEST_KEYS.secretAccessKey };
    const [kms, unknown, ec2] = await Promise.all([
      runAwsCli(port, ['kms', 'describe-custom-key-stores'], { keys: wrongSecret }),
      runAwsCli(port, ['cloudhsmv2', 'describe-clusters'], { keys: unknownKey }),
      runAwsCli(port, ['ec2', 'describe-subnets'], { keys: wrongSecret }),
    ]);
    expect(kms.code).to.equal(255);
    expect(kms.stderr).to.include('An error occurred (InvalidSignatureException) when calling the DescribeCustomKeyStores operation: The request signature we calculated does not match');
    expect(unknown.stderr.trim()).to.equal(
      'An error occurred (UnrecognizedClientException) when calling the DescribeClusters operation: The security token included in the request is invalid.',
    );
    expect(ec2.stderr.trim()).to.equal('An error occurred (AuthFailure) when calling the DescribeSubnets operation: AWS was not able to validate the provided access credentials');
  });
});
