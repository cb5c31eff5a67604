import { expect } from 'chai';
import { AwsException } from '../../../src/shared/aws-exception';
import { cloudHsmV2Model, kmsModel } from '../../../src/wire/aws-models';
import { decodeJsonInput } from '../../../src/wire/json-input.decoder';
import type { ServiceModel } from '../../../src/wire/service-model';
import type { WireStructure } from '../../../src/wire/wire.types';
import { syntheticJsonModel } from './synthetic-models';

function decode(model: ServiceModel, operation: string, body: string): WireStructure {
  return decodeJsonInput(model.operation(operation)!.input, Buffer.from(body));
}

function serializationError(model: ServiceModel, operation: string, body: string): string {
  try {
    decode(model, operation, body);
  } catch (error) {
    expect(error).to.be.instanceOf(AwsException);
    expect((error as AwsException).name).to.equal('SerializationException');
    return (error as AwsException).message;
  }
  return expect.fail(`expected a SerializationException for ${body}`);
}

describe('awsJson input decoding', () => {
  it('reads an empty body as {} and ignores members the shape does not know', () => {
    expect(decode(kmsModel, 'DescribeCustomKeyStores', '')).to.deep.equal({});
    expect(decode(kmsModel, 'DescribeCustomKeyStores', '{"Limit": 5, "Unknown": {"x": [1]}}')).to.deep.equal({ Limit: 5 });
  });

  it('treats null as absent', () => {
    expect(decode(kmsModel, 'DescribeCustomKeyStores', '{"Limit": null, "Marker": "m"}')).to.deep.equal({ Marker: 'm' });
    expect(decode(kmsModel, 'DescribeCustomKeyStores', 'null')).to.deep.equal({});
  });

  it('decodes blobs from base64 and timestamps from epoch seconds or ISO 8601', () => {
    expect(decode(kmsModel, 'Encrypt', '{"KeyId": "k", "Plaintext": "aGVsbG8="}')['Plaintext']).to.deep.equal(Buffer.from('hello'));
    expect(decode(syntheticJsonModel, 'Put', '{"When": 1502423370.069}')['When']).to.deep.equal(new Date(1502423370069));
    expect(decode(syntheticJsonModel, 'Put', '{"When": "2017-08-11T03:49:30.069Z"}')['When']).to.deep.equal(new Date(1502423370069));
    expect(decode(syntheticJsonModel, 'Put', '{"Count": 9007199254740991}')['Count']).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('answers a body that is not JSON with SerializationException', () => {
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Limit": ')).to.equal('The request body is not valid JSON.');
  });

  it('names JSON type mismatches as AWS JSON services do', () => {
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Limit": "5"}')).to.equal('STRING_VALUE can not be converted to an Integer');
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Limit": 1.5}')).to.equal('NUMBER_VALUE can not be converted to an Integer');
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Limit": 4294967296}')).to.equal('NUMBER_VALUE can not be converted to an Integer');
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Marker": 5}')).to.equal('NUMBER_VALUE can not be converted to a String');
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Marker": true}')).to.equal('BOOLEAN_VALUE can not be converted to a String');
    expect(serializationError(kmsModel, 'DescribeCustomKeyStores', '{"Marker": {"a": 1}}')).to.equal('Start of structure or map found where not expected.');
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '{"SubnetIds": "subnet-12345678"}')).to.equal('STRING_VALUE can not be converted to a List');
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '{"SubnetIds": {}}')).to.equal('Start of structure or map found where not expected.');
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '{"TagList": [["k"]]}')).to.equal('Start of list found where not expected.');
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '[]')).to.equal('Start of list found where not expected.');
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '"text"')).to.equal('STRING_VALUE can not be converted to a Structure');
    expect(serializationError(syntheticJsonModel, 'Put', '{"When": "yesterday"}')).to.equal('STRING_VALUE can not be converted to a Timestamp');
    expect(serializationError(syntheticJsonModel, 'Put', '{"Labels": []}')).to.equal('Start of list found where not expected.');
  });

  it('refuses malformed base64 and null list elements, naming the member', () => {
    expect(serializationError(kmsModel, 'Encrypt', '{"KeyId": "k", "Plaintext": "aGVsbG8"}')).to.equal("Value at 'plaintext' is not valid base64.");
    expect(serializationError(cloudHsmV2Model, 'CreateCluster', '{"SubnetIds": [null]}')).to.equal("Null element at 'subnetIds.1.member': lists cannot hold null.");
  });

  it('keeps map keys that would be special in JavaScript as plain data', () => {
    const decoded = decode(syntheticJsonModel, 'Put', '{"Labels": {"__proto__": "x", "constructor": "y"}}');
    const labels = decoded['Labels'] as Record<string, string>;
    expect(Object.keys(labels)).to.deep.equal(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(labels)).to.equal(Object.prototype);
  });
});
