import { expect } from 'chai';
import { regionCode } from '../../../src/ec2/domain/availability-zones';
import { ACCOUNT, CONTEXT, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 default network per account and region', () => {
  let world: Ec2World;
  beforeEach(() => (world = openEc2World()));
  afterEach(() => world.database.close());

  it('offers three availability zones named <region>a-c with zone ids from the region code', () => {
    const { AvailabilityZones: zones } = world.api.DescribeAvailabilityZones({}, { accountId: ACCOUNT, region: 'eu-west-2' });
    expect(zones.map((zone) => [zone.ZoneName, zone.ZoneId])).to.deep.equal([
      ['eu-west-2a', 'euw2-az1'],
      ['eu-west-2b', 'euw2-az2'],
      ['eu-west-2c', 'euw2-az3'],
    ]);
    expect(zones[0]).to.include({ RegionName: 'eu-west-2', State: 'available', OptInStatus: 'opt-in-not-required', ZoneType: 'availability-zone' });
  });

  it('derives AWS region codes for zone ids', () => {
    const codes = ['us-east-1', 'ap-southeast-2', 'us-gov-west-1', 'eu-central-1', 'cn-northwest-1', 'ap-northeast-3'].map(regionCode);
    expect(codes).to.deep.equal(['use1', 'apse2', 'usgw1', 'euc1', 'cnnw1', 'apne3']);
  });

  it('creates a default VPC 10.0.0.0/16 on first use', () => {
    const { Vpcs: vpcs } = world.api.DescribeVpcs({}, CONTEXT);
    expect(vpcs).to.have.length(1);
    expect(vpcs[0]).to.include({ CidrBlock: '10.0.0.0/16', IsDefault: true, State: 'available', OwnerId: ACCOUNT, InstanceTenancy: 'default' });
    expect(vpcs[0]!.VpcId).to.match(/^vpc-[0-9a-f]{17}$/);
  });

  it('has one default /24 subnet per zone with 251 free addresses (five reserved)', () => {
    const { Subnets: subnets } = world.api.DescribeSubnets({}, CONTEXT);
    const vpcId = world.api.DescribeVpcs({}, CONTEXT).Vpcs[0]!.VpcId;
    expect(subnets.map((subnet) => [subnet.AvailabilityZone, subnet.AvailabilityZoneId, subnet.CidrBlock])).to.deep.equal([
      [`${REGION}a`, 'use1-az1', '10.0.1.0/24'],
      [`${REGION}b`, 'use1-az2', '10.0.2.0/24'],
      [`${REGION}c`, 'use1-az3', '10.0.3.0/24'],
    ]);
    for (const subnet of subnets) {
      expect(subnet).to.include({ VpcId: vpcId, DefaultForAz: true, MapPublicIpOnLaunch: true, State: 'available', AvailableIpAddressCount: 251, OwnerId: ACCOUNT });
      expect(subnet.SubnetArn).to.equal(`arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${subnet.SubnetId}`);
    }
  });

  it("gives the VPC its 'default' group: inbound from itself, outbound to anywhere", () => {
    const [group, ...others] = world.api.DescribeSecurityGroups({}, CONTEXT).SecurityGroups;
    expect(others).to.deep.equal([]);
    expect(group).to.include({ GroupName: 'default', Description: 'default VPC security group', OwnerId: ACCOUNT });
    expect(group!.IpPermissions).to.deep.equal([
      { IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: group!.GroupId, UserId: ACCOUNT }] },
    ]);
    expect(group!.IpPermissionsEgress).to.deep.equal([
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);
  });

  it('creates it once and keeps it: the same ids on every call', () => {
    const first = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION);
    expect(world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION)).to.deep.equal(first);
    expect(world.api.DescribeSubnets({}, CONTEXT).Subnets).to.have.length(3);
    expect(world.repository.vpcs.list(CONTEXT)).to.have.length(1);
  });

  it('stores nothing for a region nobody has used', () => {
    world.api.DescribeSubnets({}, CONTEXT);
    expect(world.repository.vpcs.list({ accountId: ACCOUNT, region: 'eu-west-1' })).to.deep.equal([]);
  });

  it('keeps accounts and regions apart', () => {
    const other = { accountId: '444455556666', region: REGION };
    const elsewhere = { accountId: ACCOUNT, region: 'eu-west-1' };
    const mine = world.api.DescribeSubnets({}, CONTEXT).Subnets.map((subnet) => subnet.SubnetId);
    const theirs = world.api.DescribeSubnets({}, other).Subnets;
    expect(theirs).to.have.length(3);
    expect(theirs.map((subnet) => subnet.SubnetId)).to.not.include.members(mine);
    expect(world.api.DescribeSubnets({}, elsewhere).Subnets.map((subnet) => subnet.AvailabilityZone)).to.deep.equal(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(() => world.subnets.getSubnet(other.accountId, REGION, mine[0]!)).to.throw().with.property('name', 'InvalidSubnetID.NotFound');
  });
});
