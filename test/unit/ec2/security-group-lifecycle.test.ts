import { expect } from 'chai';
import { ACCOUNT, CONTEXT, defaultSubnet, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 security group lifecycle', () => {
  let world: Ec2World;
  let vpcId: string;
  beforeEach(() => {
    world = openEc2World();
    vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
  });
  afterEach(() => world.database.close());

  const describe1 = (groupId: string) => world.api.DescribeSecurityGroups({ GroupIds: [groupId] }, CONTEXT).SecurityGroups[0]!;

  it('creates a group in the default VPC with no inbound rules and the allow-all outbound rule', () => {
    const created = world.api.CreateSecurityGroup({ GroupName: 'cloudhsm-cluster-cluster-abc-sg', Description: 'Cluster SG' }, CONTEXT);
    expect(created.GroupId).to.match(/^sg-[0-9a-f]{17}$/);
    expect(created.SecurityGroupArn).to.equal(`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${created.GroupId}`);
    expect(describe1(created.GroupId)).to.deep.equal({
      GroupId: created.GroupId,
      GroupName: 'cloudhsm-cluster-cluster-abc-sg',
      Description: 'Cluster SG',
      VpcId: vpcId,
      OwnerId: ACCOUNT,
      SecurityGroupArn: created.SecurityGroupArn,
      IpPermissions: [],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    });
    expect(world.api.CreateSecurityGroup({ GroupName: 'second', Description: 'x', VpcId: vpcId }, CONTEXT).GroupId).to.not.equal(created.GroupId);
  });

  it('refuses a second group of the same name in the VPC, and an unknown VPC', () => {
    world.api.CreateSecurityGroup({ GroupName: 'kms-cks-1', Description: 'x' }, CONTEXT);
    expectAwsError(() => world.api.CreateSecurityGroup({ GroupName: 'kms-cks-1', Description: 'y' }, CONTEXT), 'InvalidGroup.Duplicate', `The security group 'kms-cks-1' already exists for VPC '${vpcId}'`);
    expectAwsError(() => world.api.CreateSecurityGroup({ GroupName: 'default', Description: 'y' }, CONTEXT), 'InvalidGroup.Duplicate');
    expectAwsError(() => world.api.CreateSecurityGroup({ GroupName: 'other', Description: 'y', VpcId: 'vpc-123' }, CONTEXT), 'InvalidVpcID.NotFound');
  });

  it('deletes a group by id or by name, returning its id', () => {
    const { GroupId: first } = world.api.CreateSecurityGroup({ GroupName: 'first', Description: 'x' }, CONTEXT);
    const { GroupId: second } = world.api.CreateSecurityGroup({ GroupName: 'second', Description: 'x' }, CONTEXT);
    expect(world.api.DeleteSecurityGroup({ GroupId: first }, CONTEXT)).to.deep.equal({ Return: true, GroupId: first });
    expect(world.api.DeleteSecurityGroup({ GroupName: 'second' }, CONTEXT)).to.deep.equal({ Return: true, GroupId: second });
    expect(world.api.DescribeSecurityGroups({}, CONTEXT).SecurityGroups.map((group) => group.GroupName)).to.deep.equal(['default']);
    expectAwsError(() => world.api.DeleteSecurityGroup({ GroupId: first }, CONTEXT), 'InvalidGroup.NotFound', `The security group '${first}' does not exist`);
    expectAwsError(() => world.api.DeleteSecurityGroup({}, CONTEXT), 'MissingParameter');
  });

  it("refuses to delete the VPC's default group", () => {
    const defaultGroup = world.securityGroups.findSecurityGroupByName(ACCOUNT, REGION, 'default');
    expectAwsError(() => world.api.DeleteSecurityGroup({ GroupId: defaultGroup.id }, CONTEXT), 'CannotDelete', `the specified group: "${defaultGroup.id}" name: "default" cannot be deleted by a user`);
  });

  it('refuses to delete a group while a network interface uses it', () => {
    const { GroupId: groupId } = world.api.CreateSecurityGroup({ GroupName: 'hsm', Description: 'x' }, CONTEXT);
    const eni = world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId: defaultSubnet(world), securityGroupIds: [groupId], description: 'HSM', requester: 'cloudhsm' });
    expectAwsError(() => world.api.DeleteSecurityGroup({ GroupId: groupId }, CONTEXT), 'DependencyViolation', `resource ${groupId} has a dependent object`);
    world.networkInterfaces.releaseNetworkInterface(ACCOUNT, REGION, eni.id);
    world.api.DeleteSecurityGroup({ GroupId: groupId }, CONTEXT);
  });

  it("refuses to delete a group another group's rule refers to", () => {
    const { GroupId: referenced } = world.api.CreateSecurityGroup({ GroupName: 'cluster', Description: 'x' }, CONTEXT);
    const { GroupId: referrer } = world.api.CreateSecurityGroup({ GroupName: 'kms', Description: 'x' }, CONTEXT);
    world.api.AuthorizeSecurityGroupEgress({ GroupId: referrer, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: referenced }] }] }, CONTEXT);
    expectAwsError(() => world.api.DeleteSecurityGroup({ GroupId: referenced }, CONTEXT), 'DependencyViolation');
    world.api.DeleteSecurityGroup({ GroupId: referrer }, CONTEXT);
    world.api.DeleteSecurityGroup({ GroupId: referenced }, CONTEXT);
  });
});
