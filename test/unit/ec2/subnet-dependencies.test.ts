import { expect } from 'chai';
import { ACCOUNT, CONTEXT, defaultSubnet, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 DeleteSubnet with network interfaces in it', () => {
  let world: Ec2World;
  beforeEach(() => (world = openEc2World()));
  afterEach(() => world.database.close());

  it('refuses while an interface uses the subnet, and deletes once it is released', () => {
    const subnetId = defaultSubnet(world);
    const eni = world.networkInterfaces.allocateNetworkInterface({ accountId: ACCOUNT, region: REGION, subnetId, securityGroupIds: [], description: 'HSM', requester: 'cloudhsm' });
    expectAwsError(() => world.api.DeleteSubnet({ SubnetId: subnetId }, CONTEXT), 'DependencyViolation', `The subnet '${subnetId}' has dependencies and cannot be deleted.`);
    expect(world.api.DescribeSubnets({ SubnetIds: [subnetId] }, CONTEXT).Subnets[0]!.AvailableIpAddressCount).to.equal(250);
    world.networkInterfaces.releaseNetworkInterface(ACCOUNT, REGION, eni.id);
    world.api.DeleteSubnet({ SubnetId: subnetId }, CONTEXT);
    expectAwsError(() => world.subnets.getSubnet(ACCOUNT, REGION, subnetId), 'InvalidSubnetID.NotFound');
  });
});
