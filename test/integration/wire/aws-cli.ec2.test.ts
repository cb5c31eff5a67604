import { expect } from 'chai';
import { awsException } from '../../../src/shared/aws-exception';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { ec2Model } from '../../../src/wire/aws-models';
import { cliJson, runAwsCli } from './aws-cli-runner';

const InvalidSubnetIdNotFound = awsException('InvalidSubnetID.NotFound');

interface DescribeSubnetsInput {
  SubnetIds?: string[];
  Filters?: Array<{ Name: string; Values?: string[] }>;
}

describe('the EC2 query protocol through the real aws CLI', function () {
  this.timeout(60_000);
  let endpoint: AwsEndpoint;
  let port: number;
  const inputs: unknown[] = [];

  before(async () => {
    endpoint = new AwsEndpoint();
    endpoint.register(ec2Model, {
      DescribeSubnets: (input: DescribeSubnetsInput) => {
        inputs.push(input);
        const unknown = (input.SubnetIds ?? []).find((id) => id !== 'subnet-0123456789abcdef0');
        if (unknown !== undefined) throw new InvalidSubnetIdNotFound(`The subnet ID '${unknown}' does not exist`);
        return {
          Subnets: [
            {
              SubnetId: 'subnet-0123456789abcdef0',
              VpcId: 'vpc-0a1b2c3d4e5f60718',
              CidrBlock: '10.0.1.0/24',
              AvailabilityZone: 'us-east-2a',
              AvailableIpAddressCount: 251,
              DefaultForAz: false,
              State: 'available',
              Tags: [{ Key: 'Name', Value: 'hsm <subnet> & "a"' }],
            },
          ],
        };
      },
      CreateSecurityGroup: (input: { GroupName: string; Description: string }) => {
        inputs.push(input);
        return { GroupId: 'sg-0123456789abcdef0' };
      },
      DeleteSubnet: () => undefined,
    });
    port = await endpoint.listen();
  });

  after(() => endpoint.close());

  it('describe-subnets sends filters and ids the endpoint reads, and parses the XML answer', async () => {
    const run = await runAwsCli(port, ['ec2', 'describe-subnets', '--subnet-ids', 'subnet-0123456789abcdef0', '--filters', 'Name=vpc-id,Values=vpc-0a1b2c3d4e5f60718,vpc-2']);
    expect(cliJson(run)).to.deep.equal({
      Subnets: [
        {
          AvailabilityZone: 'us-east-2a',
          AvailableIpAddressCount: 251,
          CidrBlock: '10.0.1.0/24',
          DefaultForAz: false,
          State: 'available',
          SubnetId: 'subnet-0123456789abcdef0',
          Tags: [{ Key: 'Name', Value: 'hsm <subnet> & "a"' }],
          VpcId: 'vpc-0a1b2c3d4e5f60718',
        },
      ],
    });
    expect(inputs.at(-1)).to.deep.equal({ SubnetIds: ['subnet-0123456789abcdef0'], Filters: [{ Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60718', 'vpc-2'] }] });
  });

  it('create-security-group maps --description to GroupDescription and back', async () => {
    const run = await runAwsCli(port, ['ec2', 'create-security-group', '--group-name', 'cloudhsm-cluster-sg', '--description', 'HSM cluster']);
    expect(cliJson(run)).to.deep.equal({ GroupId: 'sg-0123456789abcdef0' });
    expect(inputs.at(-1)).to.deep.equal({ GroupName: 'cloudhsm-cluster-sg', Description: 'HSM cluster' });
  });

  it('delete-subnet, an operation without output, succeeds silently', async () => {
    const run = await runAwsCli(port, ['ec2', 'delete-subnet', '--subnet-id', 'subnet-0123456789abcdef0']);
    expect([run.code, run.stdout, run.stderr]).to.deep.equal([0, '', '']);
  });

  it('prints EC2 error codes, dotted ones included', async () => {
    const [notFound, invalid, action] = await Promise.all([
      runAwsCli(port, ['ec2', 'describe-subnets', '--subnet-ids', 'subnet-00000000']),
      runAwsCli(port, ['ec2', 'describe-subnets', '--max-results', '1001']),
      runAwsCli(port, ['ec2', 'describe-vpcs']),
    ]);
    expect(notFound.code).to.equal(255);
    expect(notFound.stderr.trim()).to.equal("An error occurred (InvalidSubnetID.NotFound) when calling the DescribeSubnets operation: The subnet ID 'subnet-00000000' does not exist");
    expect(invalid.stderr.trim()).to.equal(
      'An error occurred (InvalidParameterValue) when calling the DescribeSubnets operation: Value (1001) for parameter MaxResults is invalid. Member must have value less than or equal to 1000',
    );
    expect(action.stderr).to.include('(UnsupportedOperation) when calling the DescribeVpcs operation: DescribeVpcs is not simulated by cloudhsm-sim yet.');
  });
});
