import { expect } from 'chai';
import { ec2Model } from '../../../src/wire/aws-models';
import { OutputShapeError } from '../../../src/wire/wire.errors';
import { XML_DECLARATION, encodeXmlOutput, escapeXml } from '../../../src/wire/xml-output.encoder';
import { syntheticQueryModel } from './synthetic-models';

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15';

function encode(operation: string, output: unknown): string {
  return encodeXmlOutput(operation, NAMESPACE, 'req-1', ec2Model.operation(operation)!.output, output);
}

describe('EC2 XML output encoding', () => {
  it('writes members by locationName in model order and wraps lists in <item>', () => {
    const output = {
      Subnets: [{ SubnetId: 'subnet-1', MapPublicIpOnLaunch: false, AvailableIpAddressCount: 251, Tags: [{ Key: 'Name', Value: 'hsm' }], Secret: 'x' }],
    };
    expect(encode('DescribeSubnets', output)).to.equal(
      `${XML_DECLARATION}<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>` +
        '<subnetSet><item><availableIpAddressCount>251</availableIpAddressCount><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch>' +
        '<subnetId>subnet-1</subnetId><tagSet><item><key>Name</key><value>hsm</value></item></tagSet></item></subnetSet></DescribeSubnetsResponse>',
    );
  });

  it('writes an empty list as an empty element and omits absent members', () => {
    expect(encode('DescribeSubnets', { Subnets: [], NextToken: undefined })).to.match(/<requestId>req-1<\/requestId><subnetSet\/><\/DescribeSubnetsResponse>$/);
  });

  it('answers <return>true</return> for an operation without an output shape', () => {
    expect(encode('DeleteSubnet', undefined)).to.match(/<DeleteSubnetResponse xmlns="[^"]+"><requestId>req-1<\/requestId><return>true<\/return><\/DeleteSubnetResponse>$/);
  });

  it('escapes markup and replaces characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"c"')).to.equal('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('line\r\nnext\u0000\uD800end')).to.equal('line&#13;\nnext\uFFFD\uFFFDend');
    expect(escapeXml('😀')).to.equal('😀');
  });

  it('writes timestamps as ISO 8601, blobs as base64, flattened lists and maps without wrappers', () => {
    const output = {
      Since: new Date(Date.UTC(2026, 10, 29, 9, 32, 38, 5)),
      Data: Buffer.from('hi'),
      Names: ['a', 'b'],
      Labels: { k: 'v' },
      FlatLabels: { x: 'y' },
    };
    const xml = encodeXmlOutput('Get', 'http://example.com/doc/2020-01-01/', 'r', syntheticQueryModel.operation('Get')!.output, output);
    expect(xml).to.equal(
      `${XML_DECLARATION}<GetResponse xmlns="http://example.com/doc/2020-01-01/"><requestId>r</requestId>` +
        '<since>2026-11-29T09:32:38.005Z</since><data>aGk=</data><name>a</name><name>b</name>' +
        '<labelSet><entry><key>k</key><value>v</value></entry></labelSet><flatLabel><key>x</key><value>y</value></flatLabel></GetResponse>',
    );
  });

  it('refuses a value of the wrong type', () => {
    expect(() => encode('DescribeSubnets', { Subnets: [{ AvailableIpAddressCount: '251' }] })).to.throw(
      OutputShapeError,
      'DescribeSubnetsResult.Subnets[0].AvailableIpAddressCount: expected an integer, got string',
    );
  });
});
