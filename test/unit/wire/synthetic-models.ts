// Small models in botocore's format for the shape features the AWS models here do not use (input
// timestamps, longs, flattened lists, maps in EC2, queryName), loaded through the real loader.

import { loadServiceModel } from '../../../src/wire/service-model.loader';

export const syntheticJsonModel = loadServiceModel({
  metadata: { protocol: 'json', jsonVersion: '1.1', apiVersion: '2020-01-01', endpointPrefix: 'synthetic', serviceId: 'Synthetic', targetPrefix: 'Synthetic' },
  operations: { Put: { name: 'Put', input: { shape: 'PutRequest' }, output: { shape: 'PutResponse' } } },
  shapes: {
    PutRequest: {
      type: 'structure',
      members: {
        When: { shape: 'Time' },
        Count: { shape: 'Big' },
        Data: { shape: 'Bytes' },
        Labels: { shape: 'Labels' },
        Nested: { shape: 'Nested' },
      },
    },
    PutResponse: {
      type: 'structure',
      members: { When: { shape: 'Time' }, Data: { shape: 'Bytes' }, Labels: { shape: 'Labels' }, Items: { shape: 'Items' } },
    },
    Nested: { type: 'structure', members: { Items: { shape: 'Items' } } },
    Items: { type: 'list', member: { shape: 'Item' } },
    Item: { type: 'structure', members: { Name: { shape: 'Name' } }, required: ['Name'] },
    Time: { type: 'timestamp' },
    Big: { type: 'long', min: 0 },
    Bytes: { type: 'blob', max: 4 },
    Labels: { type: 'map', key: { shape: 'Name' }, value: { shape: 'Name' }, max: 2 },
    Name: { type: 'string', min: 1, max: 8 },
  },
});

export const syntheticQueryModel = loadServiceModel({
  metadata: { protocol: 'ec2', apiVersion: '2020-01-01', endpointPrefix: 'synthq', serviceId: 'SynthQ', xmlNamespace: 'http://example.com/doc/2020-01-01/' },
  operations: { Get: { name: 'Get', input: { shape: 'GetRequest' }, output: { shape: 'GetResult' } } },
  shapes: {
    GetRequest: {
      type: 'structure',
      members: {
        Since: { shape: 'Time', locationName: 'since' },
        Data: { shape: 'Bytes', queryName: 'Payload' },
        Labels: { shape: 'Labels', locationName: 'label' },
        Flags: { shape: 'Flags' },
      },
    },
    GetResult: {
      type: 'structure',
      members: {
        Since: { shape: 'Time', locationName: 'since' },
        Data: { shape: 'Bytes', locationName: 'data' },
        Names: { shape: 'FlatNames', locationName: 'name' },
        Labels: { shape: 'Labels', locationName: 'labelSet' },
        FlatLabels: { shape: 'FlatLabels', locationName: 'flatLabel' },
      },
    },
    Time: { type: 'timestamp' },
    Bytes: { type: 'blob' },
    Flags: { type: 'list', member: { shape: 'Flag', locationName: 'item' } },
    Flag: { type: 'boolean' },
    FlatNames: { type: 'list', member: { shape: 'Name' }, flattened: true },
    Labels: { type: 'map', key: { shape: 'Name', locationName: 'key' }, value: { shape: 'Name', locationName: 'value' } },
    FlatLabels: { type: 'map', key: { shape: 'Name' }, value: { shape: 'Name' }, flattened: true },
    Name: { type: 'string' },
  },
});
