import { expect } from 'chai';
import { ACCOUNT, CONTEXT, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 CreateSubnet and DeleteSubnet', () => {
  let world: Ec2World;
  let vpcId: string;
  beforeEach(() => {
    world = openEc2World();
    vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
  });
  afterEach(() => world.database.close());

  it('creates a subnet inside the VPC in the zone asked for', () => {
    const { Subnet: subnet } = world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/28', AvailabilityZone: `${REGION}b` }, CONTEXT);
    expect(subnet).to.include({
      VpcId: vpcId,
      CidrBlock: '10.0.100.0/28',
      AvailabilityZone: `${REGION}b`,
      AvailabilityZoneId: 'use1-az2',
      AvailableIpAddressCount: 11,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      State: 'available',
    });
    expect(world.api.DescribeSubnets({ SubnetIds: [subnet.SubnetId] }, CONTEXT).Subnets).to.deep.equal([subnet]);
    expect(world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.101.0/24', AvailabilityZoneId: 'use1-az3' }, CONTEXT).Subnet.AvailabilityZone).to.equal(`${REGION}c`);
  });

  it('takes blocks from /16 to /28 inside the VPC only', () => {
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/29' }, CONTEXT), 'InvalidSubnet.Range', "The CIDR '10.0.100.0/29' is invalid.");
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/15' }, CONTEXT), 'InvalidSubnet.Range');
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.1.0.0/24' }, CONTEXT), 'InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid.");
  });

  it('refuses a block that overlaps another subnet', () => {
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.1.128/25' }, CONTEXT), 'InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet");
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/16' }, CONTEXT), 'InvalidSubnet.Conflict');
  });

  it('refuses text that is not a CIDR block, and an unknown zone or VPC', () => {
    for (const cidr of ['10.0.100.0', '10.0.100.7/24', '10.0.300.0/24', 'ten/8']) {
      expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: cidr }, CONTEXT), 'InvalidParameterValue', `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
    }
    expectAwsError(
      () => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/24', AvailabilityZone: 'us-east-1z' }, CONTEXT),
      'InvalidParameterValue',
      'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c.',
    );
    expectAwsError(() => world.api.CreateSubnet({ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.100.0/24' }, CONTEXT), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/24', AvailabilityZone: `${REGION}a`, AvailabilityZoneId: 'use1-az2' }, CONTEXT), 'InvalidParameterCombination');
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId }, CONTEXT), 'MissingParameter');
    expectAwsError(() => world.api.CreateSubnet({ VpcId: vpcId, Ipv6Native: true }, CONTEXT), 'InvalidParameterValue');
  });

  it('deletes a subnet, default or not, and then no longer knows it', () => {
    const { SubnetId: created } = world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/24' }, CONTEXT).Subnet;
    const defaultOne = world.api.DescribeSubnets({}, CONTEXT).Subnets[0]!.SubnetId;
    expect(world.api.DeleteSubnet({ SubnetId: created }, CONTEXT)).to.deep.equal({});
    world.api.DeleteSubnet({ SubnetId: defaultOne }, CONTEXT);
    expect(world.api.DescribeSubnets({}, CONTEXT).Subnets).to.have.length(2);
    expectAwsError(() => world.api.DeleteSubnet({ SubnetId: created }, CONTEXT), 'InvalidSubnetID.NotFound', `The subnet ID '${created}' does not exist`);
    expect(world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.100.0/24' }, CONTEXT).Subnet.CidrBlock).to.equal('10.0.100.0/24');
  });

  it('does not bring deleted default subnets back', () => {
    for (const subnet of world.api.DescribeSubnets({}, CONTEXT).Subnets) world.api.DeleteSubnet({ SubnetId: subnet.SubnetId }, CONTEXT);
    expect(world.api.DescribeSubnets({}, CONTEXT).Subnets).to.deep.equal([]);
  });
});
