import { join } from 'node:path';
import { expect } from 'chai';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { ACCOUNT, CONTEXT, openEc2World, REGION, snapshot } from './ec2-fixture';

describe('EC2 persistence', () => {
  let directory: string;
  beforeEach(() => (directory = createTempDir('ec2')));
  afterEach(() => removeTempDir(directory));

  it('brings back the default network, subnets, groups, rules and interfaces after a restart', () => {
    const file = join(directory, 'control-plane.sqlite');
    const world = openEc2World(file, 1);
    const vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
    const { SubnetId: subnetId } = world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.50.0/28' }, CONTEXT).Subnet;
    const { GroupId: groupId } = world.api.CreateSecurityGroup({ GroupName: 'cluster', Description: 'Cluster SG' }, CONTEXT);
    world.api.AuthorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: groupId }] }] }, CONTEXT);
    world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId, securityGroupIds: [groupId], description: 'HSM', requester: 'cloudhsm' });
    const before = snapshot(world);
    world.database.close();

    const reopened = openEc2World(file, 2);
    try {
      expect(snapshot(reopened)).to.equal(before);
      expect(reopened.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id).to.equal(vpcId);
      expect(reopened.subnets.getSubnet(ACCOUNT, REGION, subnetId).availableIpAddressCount).to.equal(10);
      expect(reopened.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId, securityGroupIds: [], description: 'HSM 2', requester: 'cloudhsm' }).privateIpAddress).to.equal('10.0.50.5');
    } finally {
      reopened.database.close();
    }
  });
});
