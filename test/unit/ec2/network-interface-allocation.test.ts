import { expect } from 'chai';
import type { NetworkInterfaceRequest } from '../../../src/ec2/network-interfaces.service';
import { ACCOUNT, CONTEXT, defaultSubnet, expectAwsError, openEc2World, REGION, type Ec2World } from './ec2-fixture';

describe('EC2 network interface allocation', () => {
  let world: Ec2World;
  let smallSubnet: string;
  beforeEach(() => {
    world = openEc2World();
    const vpcId = world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id;
    smallSubnet = world.api.CreateSubnet({ VpcId: vpcId, CidrBlock: '10.0.200.0/28', AvailabilityZone: `${REGION}a` }, CONTEXT).Subnet.SubnetId;
  });
  afterEach(() => world.database.close());

  const request = (overrides: Partial<NetworkInterfaceRequest> = {}): NetworkInterfaceRequest => ({
    accountId: ACCOUNT,
    region: REGION,
    subnetId: smallSubnet,
    securityGroupIds: [],
    description: 'CloudHSM ENI',
    requester: 'cloudhsm',
    ...overrides,
  });
  const available = (subnetId = smallSubnet) => world.subnets.getSubnet(ACCOUNT, REGION, subnetId).availableIpAddressCount;

  it('hands out the 11 usable addresses of a /28 in order, then fails with InsufficientFreeAddressesInSubnet', () => {
    const addresses = Array.from({ length: 11 }, () => world.networkInterfaces.allocateNetworkInterface(request()).privateIpAddress);
    expect(addresses).to.deep.equal(Array.from({ length: 11 }, (_, index) => `10.0.200.${index + 4}`));
    expect(available()).to.equal(0);
    expectAwsError(
      () => world.networkInterfaces.allocateNetworkInterface(request()),
      'InsufficientFreeAddressesInSubnet',
      'The specified subnet does not have enough free addresses to satisfy the request.',
    );
    expect(world.networkInterfaces.networkInterfacesIn(ACCOUNT, REGION, smallSubnet)).to.have.length(11);
  });

  it('gives an address back on release, and counts free addresses as it goes', () => {
    const first = world.networkInterfaces.allocateNetworkInterface(request());
    world.networkInterfaces.allocateNetworkInterface(request());
    expect(available()).to.equal(9);
    world.networkInterfaces.releaseNetworkInterface(ACCOUNT, REGION, first.id);
    expect(available()).to.equal(10);
    expect(world.networkInterfaces.allocateNetworkInterface(request()).privateIpAddress).to.equal(first.privateIpAddress);
    expectAwsError(() => world.networkInterfaces.releaseNetworkInterface(ACCOUNT, REGION, first.id), 'InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${first.id}' does not exist`);
  });

  it('takes the address asked for when it is free and usable', () => {
    expect(world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: '10.0.200.9' })).privateIpAddress).to.equal('10.0.200.9');
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: '10.0.200.9' })), 'InvalidIPAddress.InUse');
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: '10.0.200.3' })), 'InvalidParameterValue', "Address is in subnet's reserved address range");
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: '10.0.200.15' })), 'InvalidParameterValue', "Address is in subnet's reserved address range");
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: '10.0.1.9' })), 'InvalidParameterValue', "Address does not fall within the subnet's address range");
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ ipAddress: 'ten' })), 'InvalidParameterValue');
    expect(world.networkInterfaces.allocateNetworkInterface(request()).privateIpAddress).to.equal('10.0.200.4');
  });

  it("records the subnet's VPC and zone, the groups, the description and the requester", () => {
    const { GroupId: groupId } = world.api.CreateSecurityGroup({ GroupName: 'cluster', Description: 'x' }, CONTEXT);
    const subnetId = defaultSubnet(world, `${REGION}b`);
    const eni = world.networkInterfaces.allocateNetworkInterface(request({ subnetId, securityGroupIds: [groupId, groupId], requester: 'kms', description: 'KMS ENI' }));
    expect(eni).to.deep.include({
      subnetId,
      vpcId: world.bootstrap.ensureDefaultNetwork(ACCOUNT, REGION).id,
      availabilityZone: `${REGION}b`,
      availabilityZoneId: 'use1-az2',
      privateIpAddress: '10.0.2.4',
      securityGroupIds: [groupId],
      description: 'KMS ENI',
      requester: 'kms',
      interfaceType: 'interface',
    });
    expect(eni.id).to.match(/^eni-[0-9a-f]{17}$/);
    expect(world.networkInterfaces.getNetworkInterface(ACCOUNT, REGION, eni.id)).to.deep.equal(eni);
    expect(available(subnetId)).to.equal(250);
  });

  it('refuses an unknown subnet or group, and a group of another VPC', () => {
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ subnetId: 'subnet-123' })), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-123' does not exist");
    expectAwsError(() => world.networkInterfaces.allocateNetworkInterface(request({ securityGroupIds: ['sg-123'] })), 'InvalidGroup.NotFound');
    const vpc = { id: 'vpc-0bbbbbbbbbbbbbbbb', accountId: ACCOUNT, region: REGION, cidrBlock: '172.16.0.0/16', isDefault: false };
    world.repository.vpcs.put(vpc);
    const foreign = world.securityGroups.createSecurityGroup(ACCOUNT, REGION, { groupName: 'foreign', description: 'x', vpcId: vpc.id });
    expectAwsError(
      () => world.networkInterfaces.allocateNetworkInterface(request({ securityGroupIds: [foreign.id] })),
      'InvalidParameter',
      `Security group ${foreign.id} and subnet ${smallSubnet} belong to different networks.`,
    );
  });
});
