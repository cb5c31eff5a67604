import { expect } from 'chai';
import { ACCOUNT, CONTEXT, defaultSubnet, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 Describe operations: ids, filters and pages', () => {
  let world: Ec2World;
  beforeEach(() => (world = openEc2World()));
  afterEach(() => world.database.close());

  const subnetIds = (output: { Subnets: { SubnetId: string }[] }) => output.Subnets.map((subnet) => subnet.SubnetId);

  it('returns the subnets asked for by id, and names unknown ids as AWS does', () => {
    const [a, b] = [defaultSubnet(world, `${REGION}a`), defaultSubnet(world, `${REGION}b`)];
    expect(subnetIds(world.api.DescribeSubnets({ SubnetIds: [b, a] }, CONTEXT))).to.have.members([a, b]);
    expectAwsError(() => world.api.DescribeSubnets({ SubnetIds: [a, 'subnet-123'] }, CONTEXT), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-123' does not exist");
    expectAwsError(() => world.api.DescribeSubnets({ SubnetIds: ['subnet-1', 'subnet-2'] }, CONTEXT), 'InvalidSubnetID.NotFound', "The subnet IDs 'subnet-1, subnet-2' do not exist");
    expectAwsError(() => world.api.DescribeVpcs({ VpcIds: ['vpc-123'] }, CONTEXT), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-123' does not exist");
    expectAwsError(() => world.api.DescribeSecurityGroups({ GroupIds: ['sg-123'] }, CONTEXT), 'InvalidGroup.NotFound', "The security group 'sg-123' does not exist");
    expectAwsError(
      () => world.api.DescribeNetworkInterfaces({ NetworkInterfaceIds: ['eni-123'] }, CONTEXT),
      'InvalidNetworkInterfaceID.NotFound',
      "The networkInterface ID 'eni-123' does not exist",
    );
  });

  it('ANDs filters, ORs their values and honours the * and ? wildcards', () => {
    const byZone = world.api.DescribeSubnets({ Filters: [{ Name: 'availability-zone', Values: [`${REGION}a`, `${REGION}c`] }] }, CONTEXT);
    expect(byZone.Subnets.map((subnet) => subnet.AvailabilityZone)).to.deep.equal([`${REGION}a`, `${REGION}c`]);
    const both = world.api.DescribeSubnets({ Filters: [{ Name: 'cidr-block', Values: ['10.0.*'] }, { Name: 'availability-zone-id', Values: ['use1-az?'] }, { Name: 'default-for-az', Values: ['true'] }] }, CONTEXT);
    expect(both.Subnets).to.have.length(3);
    const none = world.api.DescribeSubnets({ Filters: [{ Name: 'cidr-block', Values: ['10.0.1.0/24'] }, { Name: 'availability-zone', Values: [`${REGION}b`] }] }, CONTEXT);
    expect(none.Subnets).to.deep.equal([]);
    const vpcId = world.api.DescribeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] }, CONTEXT).Vpcs[0]!.VpcId;
    expect(world.api.DescribeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'available-ip-address-count', Values: ['251'] }] }, CONTEXT).Subnets).to.have.length(3);
  });

  it('rejects a filter the operation does not know', () => {
    expectAwsError(() => world.api.DescribeSubnets({ Filters: [{ Name: 'colour', Values: ['blue'] }] }, CONTEXT), 'InvalidParameterValue', "The filter 'colour' is invalid");
    expectAwsError(() => world.api.DescribeVpcs({ Filters: [{ Name: 'constructor', Values: ['x'] }] }, CONTEXT), 'InvalidParameterValue');
  });

  it('pages with MaxResults and NextToken', () => {
    const first = world.api.DescribeSubnets({ MaxResults: 2 }, CONTEXT);
    expect(first.Subnets).to.have.length(2);
    expect(first.NextToken).to.be.a('string');
    const second = world.api.DescribeSubnets({ MaxResults: 2, NextToken: first.NextToken! }, CONTEXT);
    expect(second.Subnets).to.have.length(1);
    expect(second).to.not.have.property('NextToken');
    expect([...subnetIds(first), ...subnetIds(second)]).to.deep.equal(subnetIds(world.api.DescribeSubnets({}, CONTEXT)));
    expectAwsError(() => world.api.DescribeSubnets({ NextToken: 'garbage' }, CONTEXT), 'InvalidPaginationToken');
  });

  it('finds availability zones by name, id and filter', () => {
    const names = (output: { AvailabilityZones: { ZoneName: string }[] }) => output.AvailabilityZones.map((zone) => zone.ZoneName);
    expect(names(world.api.DescribeAvailabilityZones({ ZoneNames: [`${REGION}b`] }, CONTEXT))).to.deep.equal([`${REGION}b`]);
    expect(names(world.api.DescribeAvailabilityZones({ ZoneIds: ['use1-az3'] }, CONTEXT))).to.deep.equal([`${REGION}c`]);
    expect(names(world.api.DescribeAvailabilityZones({ Filters: [{ Name: 'zone-id', Values: ['use1-az1'] }] }, CONTEXT))).to.deep.equal([`${REGION}a`]);
    expectAwsError(() => world.api.DescribeAvailabilityZones({ ZoneNames: [`${REGION}z`] }, CONTEXT), 'InvalidParameterValue', `Invalid availability zone: [${REGION}z]`);
  });

  it('finds security groups by name in the default VPC, by id and by rule filters', () => {
    const { GroupId: kmsGroup } = world.api.CreateSecurityGroup({ GroupName: 'kms-cks-1', Description: 'KMS custom key store' }, CONTEXT);
    world.api.AuthorizeSecurityGroupIngress({ GroupId: kmsGroup, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }] }, CONTEXT);
    const names = (output: { SecurityGroups: { GroupName: string }[] }) => output.SecurityGroups.map((group) => group.GroupName);
    expect(names(world.api.DescribeSecurityGroups({ GroupNames: ['kms-cks-1'] }, CONTEXT))).to.deep.equal(['kms-cks-1']);
    expect(names(world.api.DescribeSecurityGroups({ GroupIds: [kmsGroup], GroupNames: ['default'] }, CONTEXT))).to.have.members(['kms-cks-1', 'default']);
    expect(names(world.api.DescribeSecurityGroups({ Filters: [{ Name: 'ip-permission.from-port', Values: ['2223'] }] }, CONTEXT))).to.deep.equal(['kms-cks-1']);
    expect(names(world.api.DescribeSecurityGroups({ Filters: [{ Name: 'egress.ip-permission.cidr', Values: ['0.0.0.0/0'] }] }, CONTEXT))).to.have.length(2);
    expect(names(world.api.DescribeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['kms-*'] }, { Name: 'description', Values: ['KMS*'] }] }, CONTEXT))).to.deep.equal(['kms-cks-1']);
    const vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
    expectAwsError(() => world.api.DescribeSecurityGroups({ GroupNames: ['nope'] }, CONTEXT), 'InvalidGroup.NotFound', `The security group 'nope' does not exist in default VPC '${vpcId}'`);
  });

  it('describes network interfaces with their groups, addresses and requester', () => {
    const subnetId = defaultSubnet(world);
    const hsm = world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId, securityGroupIds: [], description: 'CloudHSM ENI for HSM hsm-abc', requester: 'cloudhsm' });
    world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId: defaultSubnet(world, `${REGION}b`), securityGroupIds: [], description: 'KMS', requester: 'kms' });
    const [eni, ...others] = world.api.DescribeNetworkInterfaces({ Filters: [{ Name: 'requester-id', Values: ['cloudhsm'] }] }, CONTEXT).NetworkInterfaces;
    expect(others).to.deep.equal([]);
    expect(eni).to.deep.include({
      NetworkInterfaceId: hsm.id,
      SubnetId: subnetId,
      AvailabilityZone: `${REGION}a`,
      PrivateIpAddress: '10.0.1.4',
      PrivateDnsName: 'ip-10-0-1-4.ec2.internal',
      Description: 'CloudHSM ENI for HSM hsm-abc',
      Status: 'in-use',
      InterfaceType: 'interface',
      RequesterManaged: true,
      OwnerId: ACCOUNT,
    });
    expect(eni!.Groups).to.deep.equal([{ GroupId: hsm.securityGroupIds[0], GroupName: 'default' }]);
    const inZoneB = world.api.DescribeNetworkInterfaces({ Filters: [{ Name: 'availability-zone', Values: [`${REGION}b`] }, { Name: 'private-ip-address', Values: ['10.0.2.4'] }] }, CONTEXT);
    expect(inZoneB.NetworkInterfaces.map((found) => found.Description)).to.deep.equal(['KMS']);
    expect(world.api.DescribeNetworkInterfaces({ NetworkInterfaceIds: [hsm.id] }, CONTEXT).NetworkInterfaces).to.have.length(1);
  });
});
