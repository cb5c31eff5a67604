import { expect } from 'chai';
import { ACCOUNT, CONTEXT, defaultSubnet, expectAwsError, openEc2World, REGION, snapshot, type Ec2World } from './ec2-fixture';

describe('EC2 calls that fail change nothing', () => {
  let world: Ec2World;
  let groupId: string;
  beforeEach(() => {
    world = openEc2World();
    groupId = world.api.CreateSecurityGroup({ GroupName: 'cluster', Description: 'x' }, CONTEXT).GroupId;
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }] }, CONTEXT);
  });
  afterEach(() => world.database.close());

  function expectUnchanged(action: () => unknown, name: string): void {
    const before = snapshot(world);
    expectAwsError(action, name);
    expect(snapshot(world)).to.equal(before);
  }

  it('adds none of the rules of an Authorize when one of them is a duplicate', () => {
    const fresh = { IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: groupId }] };
    const duplicate = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] };
    expectUnchanged(() => world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [fresh, duplicate] }, CONTEXT), 'InvalidPermission.Duplicate');
    expectUnchanged(() => world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [fresh, { IpProtocol: 'bogus', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }, CONTEXT), 'InvalidParameterValue');
  });

  it('creates no subnet, group or interface from a request it refuses', () => {
    const vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
    expectUnchanged(() => world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.1.0/25' }, CONTEXT), 'InvalidSubnet.Conflict');
    expectUnchanged(() => world.api.CreateSecurityGroup({ GroupName: 'cluster', Description: 'again' }, CONTEXT), 'InvalidGroup.Duplicate');
    const request = { accountId: ACCOUNT, region: REGION, subnetId: defaultSubnet(world), description: 'HSM', requester: 'cloudhsm' };
    expectUnchanged(() => world.networkInterfaces.allocateNetworkInterface({ ...request, securityGroupIds: [groupId, 'sg-123'] }), 'InvalidGroup.NotFound');
    expectUnchanged(() => world.networkInterfaces.allocateNetworkInterface({ ...request, securityGroupIds: [], ipAddress: '10.0.1.255' }), 'InvalidParameterValue');
  });

  it('deletes nothing it refuses to delete', () => {
    world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId: defaultSubnet(world), securityGroupIds: [groupId], description: 'HSM', requester: 'cloudhsm' });
    expectUnchanged(() => world.api.DeleteSubnet({ SubnetId: defaultSubnet(world) }, CONTEXT), 'DependencyViolation');
    expectUnchanged(() => world.api.DeleteSecurityGroup({ GroupId: groupId }, CONTEXT), 'DependencyViolation');
    expectUnchanged(() => world.api.RevokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: ['sgr-123'] }, CONTEXT), 'InvalidSecurityGroupRuleId.NotFound');
  });

  it('answers DryRun with DryRunOperation and does nothing', () => {
    const error = expectAwsError(() => world.api.CreateSecurityGroup({ GroupName: 'dry', Description: 'x', DryRun: true }, CONTEXT), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.');
    expect(error.httpStatus).to.equal(412);
    expectUnchanged(() => world.api.DeleteSecurityGroup({ GroupId: groupId, DryRun: true }, CONTEXT), 'DryRunOperation');
  });
});
