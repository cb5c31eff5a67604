import { expect } from 'chai';
import { AwsException } from '../../../src/shared/aws-exception';
import { ec2Model } from '../../../src/wire/aws-models';
import { decodeQueryInput } from '../../../src/wire/query-input.decoder';
import type { ServiceModel } from '../../../src/wire/service-model';
import type { WireStructure } from '../../../src/wire/wire.types';
import { syntheticQueryModel } from './synthetic-models';

function decode(model: ServiceModel, operation: string, form: string): WireStructure {
  return decodeQueryInput(model.operation(operation)!.input, new Map(new URLSearchParams(form)));
}

function failure(model: ServiceModel, operation: string, form: string): { code: string; message: string } {
  try {
    decode(model, operation, form);
  } catch (error) {
    expect(error).to.be.instanceOf(AwsException);
    return { code: (error as AwsException).name, message: (error as AwsException).message };
  }
  return expect.fail(`expected ${form} to be refused`);
}

describe('EC2 query input decoding', () => {
  it('reads lists by index and structures by dots, with locationName capitalised', () => {
    const form = 'SubnetId.1=subnet-1&SubnetId.2=subnet-2&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&Filter.1.Value.2=vpc-2&MaxResults=5&DryRun=false';
    expect(decode(ec2Model, 'DescribeSubnets', form)).to.deep.equal({
      DryRun: false,
      Filters: [{ Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] }],
      MaxResults: 5,
      SubnetIds: ['subnet-1', 'subnet-2'],
    });
  });

  it('reads what botocore sends for nested lists of structures', () => {
    // botocore EC2Serializer output for an ingress rule referencing its own group, with a tag specification.
    const form =
      'GroupId=sg-1&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=2223&IpPermissions.1.ToPort=2225&IpPermissions.1.Groups.1.GroupId=sg-1' +
      '&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F16&TagSpecification.1.ResourceType=security-group-rule&TagSpecification.1.Tag.1.Key=k&TagSpecification.1.Tag.1.Value=v';
    expect(decode(ec2Model, 'AuthorizeSecurityGroupIngress', form)).to.deep.equal({
      GroupId: 'sg-1',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225, UserIdGroupPairs: [{ GroupId: 'sg-1' }], IpRanges: [{ CidrIp: '10.0.0.0/16' }] }],
      TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'k', Value: 'v' }] }],
    });
    expect(decode(ec2Model, 'CreateSecurityGroup', 'GroupDescription=desc&GroupName=g')).to.deep.equal({ Description: 'desc', GroupName: 'g' });
  });

  it('orders list elements by their index as numbers', () => {
    const form = Array.from({ length: 11 }, (_, index) => `SubnetId.${11 - index}=s${11 - index}`).join('&');
    expect(decode(ec2Model, 'DescribeSubnets', form)['SubnetIds']).to.deep.equal(Array.from({ length: 11 }, (_, index) => `s${index + 1}`));
  });

  it('refuses parameters no member takes, as EC2 does', () => {
    expect(failure(ec2Model, 'DescribeSubnets', 'Foo=1')).to.deep.equal({ code: 'UnknownParameter', message: 'The parameter Foo is not recognized' });
    expect(failure(ec2Model, 'DescribeSubnets', 'SubnetId=subnet-1').message).to.equal('The parameter SubnetId is not recognized');
    expect(failure(ec2Model, 'DescribeSubnets', 'SubnetId.0=subnet-1').message).to.equal('The parameter SubnetId.0 is not recognized');
    expect(failure(ec2Model, 'DescribeSubnets', 'Filter.1.Bogus=x').message).to.equal('The parameter Filter.1.Bogus is not recognized');
    expect(failure(ec2Model, 'DescribeSubnets', 'MaxResults.1=5').message).to.equal('The parameter MaxResults.1 is not recognized');
    expect(failure(ec2Model, 'DescribeSubnets', `${'a.'.repeat(40)}b=1`).code).to.equal('UnknownParameter');
  });

  it('refuses values of the wrong type with InvalidParameterValue', () => {
    expect(failure(ec2Model, 'DescribeSubnets', 'MaxResults=ten')).to.deep.equal({
      code: 'InvalidParameterValue',
      message: 'Value (ten) for parameter MaxResults is invalid. Expected an integer.',
    });
    expect(failure(ec2Model, 'DescribeSubnets', 'MaxResults=99999999999').code).to.equal('InvalidParameterValue');
    expect(failure(ec2Model, 'DescribeSubnets', 'DryRun=yes').message).to.equal("Value (yes) for parameter DryRun is invalid. Expected 'true' or 'false'.");
  });

  it('reads timestamps, blobs by queryName, maps as entry.N.Key/Value and boolean lists', () => {
    const form = 'Since=2026-11-29T09:32:38Z&Payload=aGk%3D&Label.entry.1.Key=a&Label.entry.1.Value=b&Flags.1=true&Flags.2=FALSE';
    expect(decode(syntheticQueryModel, 'Get', form)).to.deep.equal({
      Since: new Date('2026-11-29T09:32:38Z'),
      Data: Buffer.from('hi'),
      Labels: { a: 'b' },
      Flags: [true, false],
    });
    expect(failure(syntheticQueryModel, 'Get', 'Payload=***').message).to.equal('Value (***) for parameter Payload is invalid. Expected base64 data.');
    expect(failure(syntheticQueryModel, 'Get', 'Since=soon').code).to.equal('InvalidParameterValue');
  });
});
