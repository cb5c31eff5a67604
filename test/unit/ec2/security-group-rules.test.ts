import { expect } from 'chai';
import type { IpPermission } from '../../../src/ec2/domain/ip-permissions';
import { ACCOUNT, CONTEXT, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 security group rules', () => {
  let world: Ec2World;
  let groupId: string;
  beforeEach(() => {
    world = openEc2World();
    groupId = world.api.CreateSecurityGroup({ GroupName: 'cloudhsm-cluster-cluster-abc-sg', Description: 'Cluster SG' }, CONTEXT).GroupId;
  });
  afterEach(() => world.database.close());

  const clusterPorts = (): IpPermission[] => [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: groupId }] }];
  const group = () => world.api.DescribeSecurityGroups({ GroupIds: [groupId] }, CONTEXT).SecurityGroups[0]!;

  it('authorizes inbound and outbound rules and reports them with sgr- ids', () => {
    const inbound = world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(inbound.Return).to.equal(true);
    expect(inbound.SecurityGroupRules).to.have.length(1);
    expect(inbound.SecurityGroupRules[0]).to.deep.include({
      GroupId: groupId,
      GroupOwnerId: ACCOUNT,
      IsEgress: false,
      IpProtocol: 'tcp',
      FromPort: 2223,
      ToPort: 2225,
      ReferencedGroupInfo: { GroupId: groupId, UserId: ACCOUNT },
    });
    expect(inbound.SecurityGroupRules[0]!.SecurityGroupRuleId).to.match(/^sgr-[0-9a-f]{17}$/);
    world.api.AuthorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(group().IpPermissions).to.deep.equal([{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: groupId, UserId: ACCOUNT }] }]);
    expect(group().IpPermissionsEgress.map((permission) => permission.IpProtocol)).to.deep.equal(['-1', 'tcp']);
  });

  it('groups rules of one protocol and port range into one IpPermission and accepts the one-rule parameters', () => {
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpProtocol: '6', FromPort: 443, ToPort: 443, CidrIp: '10.0.1.0/24' }, CONTEXT);
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.2.0/24', Description: 'zone b' }] }] }, CONTEXT);
    expect(group().IpPermissions).to.deep.equal([
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.1.0/24' }, { CidrIp: '10.0.2.0/24', Description: 'zone b' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);
  });

  it('refuses a rule the group already has, whatever its description', () => {
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, CONTEXT);
    expectAwsError(
      () => world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }] }] }, CONTEXT),
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
    );
    expectAwsError(
      () => world.api.AuthorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, CONTEXT),
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists',
    );
  });

  it('checks protocols, ports, CIDR blocks and referenced groups', () => {
    const authorize = (permission: IpPermission) => () => world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [permission] }, CONTEXT);
    expectAwsError(authorize({ IpProtocol: 'sctp-ish', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }), 'InvalidParameterValue', "Invalid value 'sctp-ish' for IP protocol. Unknown protocol.");
    expectAwsError(authorize({ IpProtocol: 'tcp', FromPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }), 'InvalidParameterValue');
    expectAwsError(authorize({ IpProtocol: 'udp', FromPort: 100, ToPort: 99, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }), 'InvalidParameterValue');
    expectAwsError(authorize({ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '10.0.0.1/8' }] }), 'InvalidParameterValue', 'CIDR block 10.0.0.1/8 is malformed');
    expectAwsError(authorize({ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, UserIdGroupPairs: [{ GroupId: 'sg-123' }] }), 'InvalidGroup.NotFound', "The security group 'sg-123' does not exist");
    expectAwsError(authorize({ IpProtocol: 'tcp', FromPort: 1, ToPort: 2 }), 'MissingParameter');
    expectAwsError(() => world.api.AuthorizeSecurityGroupIngress({ GroupId: 'sg-123', IpPermissions: clusterPorts() }, CONTEXT), 'InvalidGroup.NotFound');
    expectAwsError(() => world.api.AuthorizeSecurityGroupEgress({ GroupId: groupId, IpProtocol: 'tcp', FromPort: 1, ToPort: 2, CidrIp: '10.0.0.0/8' }, CONTEXT), 'InvalidParameterCombination');
  });

  it('turns SourceSecurityGroupName into full ICMP, UDP and TCP access from that group', () => {
    const defaultGroup = world.securityGroups.findSecurityGroupByName(ACCOUNT, REGION, 'default').id;
    const added = world.api.AuthorizeSecurityGroupIngress({ GroupName: 'cloudhsm-cluster-cluster-abc-sg', SourceSecurityGroupName: 'default' }, CONTEXT).SecurityGroupRules;
    expect(added.map((rule) => [rule.IpProtocol, rule.FromPort, rule.ToPort, rule.ReferencedGroupInfo?.GroupId])).to.deep.equal([
      ['icmp', -1, -1, defaultGroup],
      ['udp', 0, 65535, defaultGroup],
      ['tcp', 0, 65535, defaultGroup],
    ]);
    expectAwsError(() => world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, SourceSecurityGroupName: 'default', IpProtocol: 'tcp' }, CONTEXT), 'InvalidParameterCombination');
  });

  it('keeps all-traffic and ICMP rules without port ranges of their own', () => {
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'icmp', IpRanges: [{ CidrIp: '10.0.0.0/16' }] }, { IpProtocol: '-1', FromPort: 5, ToPort: 9, UserIdGroupPairs: [{ GroupName: 'default' }] }] }, CONTEXT);
    const [icmp, all] = group().IpPermissions;
    expect(icmp).to.include({ IpProtocol: 'icmp', FromPort: -1, ToPort: -1 });
    expect(all).to.not.have.property('FromPort');
    expect(all!.UserIdGroupPairs![0]!.GroupId).to.equal(world.securityGroups.findSecurityGroupByName(ACCOUNT, REGION, 'default').id);
  });

  it('revokes rules by IpPermissions or by rule id', () => {
    const [rule] = world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT).SecurityGroupRules;
    world.api.AuthorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    const byPermission = world.api.RevokeSecurityGroupEgress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(byPermission).to.deep.include({ Return: true });
    expect(byPermission.RevokedSecurityGroupRules).to.have.length(1);
    expect(byPermission).to.not.have.property('UnknownIpPermissions');
    const byId = world.api.RevokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: [rule!.SecurityGroupRuleId] }, CONTEXT);
    expect(byId.RevokedSecurityGroupRules[0]).to.include({ SecurityGroupRuleId: rule!.SecurityGroupRuleId, IsEgress: false, ReferencedGroupId: groupId, FromPort: 2223 });
    expect(group().IpPermissions).to.deep.equal([]);
    expect(group().IpPermissionsEgress.map((permission) => permission.IpProtocol)).to.deep.equal(['-1']);
    expectAwsError(() => world.api.RevokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: [rule!.SecurityGroupRuleId] }, CONTEXT), 'InvalidSecurityGroupRuleId.NotFound');
  });

  it('takes rules to revoke as IpPermissions or rule ids, not both', () => {
    const [rule] = world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT).SecurityGroupRules;
    expectAwsError(
      () => world.api.RevokeSecurityGroupIngress({ GroupId: groupId, IpPermissions: clusterPorts(), SecurityGroupRuleIds: [rule!.SecurityGroupRuleId] }, CONTEXT),
      'InvalidParameterCombination',
    );
    expectAwsError(() => world.api.RevokeSecurityGroupIngress({ GroupId: groupId }, CONTEXT), 'MissingParameter');
  });

  it('in the default VPC, lists rules it cannot revoke instead of failing', () => {
    const unknown = world.api.RevokeSecurityGroupIngress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(unknown).to.deep.equal({
      Return: true,
      RevokedSecurityGroupRules: [],
      UnknownIpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: groupId, UserId: ACCOUNT }] }],
    });
  });

  it('in another VPC, fails with InvalidPermission.NotFound and revokes nothing', () => {
    const vpc = { id: 'vpc-0aaaaaaaaaaaaaaaa', accountId: ACCOUNT, region: REGION, cidrBlock: '172.16.0.0/16', isDefault: false };
    world.repository.vpcs.put(vpc);
    const { GroupId: other } = world.api.CreateSecurityGroup({ GroupName: 'elsewhere', Description: 'x', VpcId: vpc.id }, CONTEXT);
    const ports = (port: number): IpPermission => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: '172.16.0.0/16' }] });
    world.api.AuthorizeSecurityGroupIngress({ GroupId: other, IpPermissions: [ports(22)] }, CONTEXT);
    expectAwsError(
      () => world.api.RevokeSecurityGroupIngress({ GroupId: other, IpPermissions: [ports(22), ports(23)] }, CONTEXT),
      'InvalidPermission.NotFound',
      'The specified rule does not exist in this security group.',
    );
    expect(world.api.DescribeSecurityGroups({ GroupIds: [other] }, CONTEXT).SecurityGroups[0]!.IpPermissions).to.have.length(1);
  });

  it('tells KMS which direction lacks TCP 2223-2225 to and from the group itself', () => {
    const check = () => world.securityGroups.allowsTcpPortsWithin(ACCOUNT, REGION, groupId, 2223, 2225);
    expect(check()).to.deep.equal({ allowed: false, missing: ['ingress', 'egress'] });
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2224, UserIdGroupPairs: [{ GroupId: groupId }] }] }, CONTEXT);
    world.api.AuthorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(check()).to.deep.equal({ allowed: false, missing: ['ingress'] });
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2225, ToPort: 2225, UserIdGroupPairs: [{ GroupId: groupId }] }] }, CONTEXT);
    expect(check()).to.deep.equal({ allowed: true, missing: [] });
    world.api.RevokeSecurityGroupEgress({ GroupId: groupId, IpPermissions: clusterPorts() }, CONTEXT);
    expect(check()).to.deep.equal({ allowed: false, missing: ['egress'] });
  });

  it('does not count rules that open the ports to others than the group itself', () => {
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, CONTEXT);
    expect(world.securityGroups.allowsTcpPortsWithin(ACCOUNT, REGION, groupId, 2223, 2225).missing).to.deep.equal(['ingress', 'egress']);
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId }] }] }, CONTEXT);
    expect(world.securityGroups.allowsTcpPortsWithin(ACCOUNT, REGION, groupId, 2223, 2225).missing).to.deep.equal(['egress']);
  });
});
