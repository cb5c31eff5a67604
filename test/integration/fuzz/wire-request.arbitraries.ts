// fast-check arbitraries for requests to the AWS endpoint: JSON 1.1 targets of KMS and CloudHSM V2 with
// inputs shaped by the models (often with the wrong type, length, pattern or enum), broken JSON, broken
// UTF-8, deep nesting, EC2 query forms, odd methods, paths and headers, garbled signatures.

import fc from 'fast-check';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import type { ServiceModel, Shape } from '../../../src/wire/service-model';
import type { RawRequest } from '../wire/http-exchange';

export const JSON_MODELS = [cloudHsmV2Model, kmsModel] as const;

/** Strings that reach past validation now and then: ids and names the caller may know. */
export function withKnownStrings(known: readonly string[]): fc.Arbitrary<string> {
  const text = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_./:=+@# \'"\\{}[]<>&%\u00e9\u4e2d\u{1F600}\u0000\n'), maxLength: 20 });
  return known.length === 0 ? text : fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(...known) });
}

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -(2 ** 32), max: 2 ** 33 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  fc.integer({ min: 0, max: 70_000 }).map((length) => 'x'.repeat(length)),
);

/** A JSON value for a shape: sometimes right, often of the wrong type, length or pattern. */
export class ShapedValues {
  private readonly cache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(private readonly strings: fc.Arbitrary<string>) {}

  of(shape: Shape, depth = 0): fc.Arbitrary<unknown> {
    const key = `${shape.name}@${depth}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = depth > 4 ? wrongValue : fc.oneof({ weight: 1, arbitrary: wrongValue }, { weight: 3, arbitrary: fc.constant(null).chain(() => this.right(shape, depth)) });
      this.cache.set(key, found);
    }
    return found;
  }

  private right(shape: Shape, depth: number): fc.Arbitrary<unknown> {
    switch (shape.type) {
      case 'structure': {
        const members = [...shape.members].map(([name, member]) => [name, this.of(member.shape, depth + 1)] as const);
        return members.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(members), { requiredKeys: [] });
      }
      case 'list':
        return fc.array(this.of(shape.member.shape, depth + 1), { maxLength: 4 });
      case 'map':
        return fc.dictionary(this.strings, this.of(shape.value.shape, depth + 1), { maxKeys: 3 });
      case 'string':
        return shape.enum !== undefined ? fc.oneof(fc.constantFrom(...shape.enum), this.strings) : fc.oneof({ weight: 9, arbitrary: this.strings }, { weight: 1, arbitrary: fc.string({ maxLength: 300 }) });
      case 'integer':
      case 'long':
        return fc.integer({ min: -1000, max: 2000 });
      case 'boolean':
        return fc.boolean();
      case 'timestamp':
        return fc.oneof(fc.integer({ min: 0, max: 2e9 }), fc.string({ maxLength: 10 }));
      case 'blob':
        return fc.oneof(fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64')), fc.string({ maxLength: 10 }));
    }
  }
}

function headerText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '');
}

function jsonHeaders(target: string): Record<string, string> {
  return { 'x-amz-target': headerText(target), 'content-type': 'application/x-amz-json-1.1' };
}

export function requestArbitrary(known: readonly string[] = [], withOversize = true): fc.Arbitrary<RawRequest> {
  const strings = withKnownStrings(known);
  const values = new ShapedValues(strings);
  const target = fc.constantFrom(...JSON_MODELS).chain((model) => fc.constantFrom(...model.operationNames).map((operation) => ({ model, operation, target: `${model.metadata.targetPrefix}.${operation}` })));
  const input = target.chain(({ model, operation, target: name }) => values.of(model.operation(operation)!.input!).map((value) => ({ name, body: JSON.stringify(value) ?? 'null' })));
  const formNames = ['SubnetId', 'Filter', 'MaxResults', 'DryRun', 'GroupId', 'IpPermissions', 'TagSpecification', 'GroupName', 'GroupDescription', 'VpcId', 'Name', 'Value', '1', '2', String(2 ** 40)];

  const kinds: Array<{ weight: number; arbitrary: fc.Arbitrary<RawRequest> }> = [
    // Unknown or half-known targets.
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...JSON_MODELS), fc.string({ maxLength: 20 }))
        .chain(([model, text]) => fc.constantFrom(text, `${model.metadata.targetPrefix}.${text}`, `${text}.DescribeClusters`, `${model.metadata.targetPrefix}.`, '.', `${model.metadata.targetPrefix!.toLowerCase()}.ListKeys`))
        .map((name) => ({ headers: jsonHeaders(name), body: '{}' })),
    },
    // Shaped but mostly invalid input: wrong types, lengths, patterns, enums, ranges, huge strings.
    { weight: 10, arbitrary: input.map(({ name, body }) => ({ headers: jsonHeaders(name), body })) },
    // Broken JSON: a valid body cut short or extended, and classic mistakes.
    {
      weight: 4,
      arbitrary: fc
        .tuple(input, fc.nat(), fc.constantFrom('cut', 'extra', '{"a":', '\u0000\u0001', '[1,2', '{"KeyId": "k",}', '{"KeyId": "k"} {}', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": 1}}', '{"KeyId": 1e999}', ''))
        .map(([{ name, body }, at, how]) => ({ headers: jsonHeaders(name), body: how === 'cut' ? body.slice(0, at % (body.length + 1)) : how === 'extra' ? `${body}}` : how })),
    },
    // Broken UTF-8 inside a JSON string, and bytes that are not text at all.
    {
      weight: 2,
      arbitrary: fc
        .tuple(target, fc.uint8Array({ minLength: 1, maxLength: 64 }))
        .map(([{ target: name }, bytes]) => ({ headers: jsonHeaders(name), body: Buffer.concat([Buffer.from('{"KeyId":"'), Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff]), Buffer.from(bytes), Buffer.from('"}')]) })),
    },
    // Deep nesting, wide objects.
    {
      weight: 1,
      arbitrary: fc
        .tuple(target, fc.integer({ min: 100, max: 200_000 }), fc.constantFrom('[', '{"a":'))
        .map(([{ target: name }, depth, open]) => ({ headers: jsonHeaders(name), body: `{"KeyId":${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}}` })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(target, fc.integer({ min: 1000, max: 20_000 })).map(([{ target: name }, width]) => ({ headers: jsonHeaders(name), body: JSON.stringify(Object.fromEntries(Array.from({ length: width }, (_, index) => [`m${index}`, index]))) })),
    },
    // JSON that is not an object at the top.
    { weight: 1, arbitrary: fc.tuple(target, fc.constantFrom('[]', '"text"', '42', 'true', '[{}]', 'null')).map(([{ target: name }, body]) => ({ headers: jsonHeaders(name), body })) },
    // Odd headers: content types, encodings, casing, duplicates.
    {
      weight: 2,
      arbitrary: fc
        .tuple(input, fc.constantFrom('application/json', 'text/plain', 'application/x-amz-json-1.0', '', 'application/x-amz-json-1.1; charset=utf-8', 'multipart/form-data; boundary=x'), fc.constantFrom<Record<string, string>>({}, { 'content-encoding': 'gzip' }, { 'content-encoding': 'br' }, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, { 'x-amz-date': 'yesterday' }, { expect: '100-continue' }, { 'x-amz-target': 'TrentService.ListKeys, TrentService.DeleteAlias' }))
        .map(([{ name, body }, contentType, extra]) => ({ headers: { 'x-amz-target': headerText(name), 'content-type': contentType, ...extra }, body })),
    },
    // Random form bodies for EC2.
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.option(fc.oneof(fc.constantFrom(...ec2Model.operationNames), fc.string({ maxLength: 10 })), { nil: undefined }),
          fc.boolean(),
          fc.array(fc.tuple(fc.array(fc.constantFrom(...formNames), { minLength: 1, maxLength: 4 }), fc.oneof({ weight: 9, arbitrary: strings }, { weight: 1, arbitrary: fc.constant('%E0%A4%A') })), { maxLength: 8 }),
        )
        .map(([action, version, pairs]) => {
          const parameters: string[] = [];
          if (action !== undefined) parameters.push(`Action=${encodeURIComponent(action)}`);
          if (version) parameters.push('Version=2016-11-15');
          for (const [path, value] of pairs) parameters.push(`${encodeURIComponent(path.join('.'))}=${value === '%E0%A4%A' ? value : encodeURIComponent(value)}`);
          return { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: parameters.join('&') };
        }),
    },
    // Wrong methods and paths.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST'), fc.constantFrom('/', '/x', '/_sim/unknown', '//', '/?Action=DescribeSubnets', '/%ff%fe', '/..%2f..%2fetc%2fpasswd', '/_sim/clusters/%ZZ/hsms'), fc.boolean())
        .map(([method, path, json]) => ({
          method,
          path,
          headers: json ? jsonHeaders('TrentService.ListKeys') : { 'content-type': 'application/x-www-form-urlencoded' },
          ...(['GET', 'HEAD', 'OPTIONS'].includes(method) ? {} : { body: 'Action=DescribeSubnets&Version=2016-11-15' }),
        })),
    },
  ];
  // A body just over the limit, now and then.
  if (withOversize) {
    kinds.push({ weight: 0.1 as number, arbitrary: fc.tuple(fc.boolean(), fc.nat({ max: 1000 })).map(([json, extra]) => ({ headers: json ? jsonHeaders('TrentService.Encrypt') : { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(1024 * 1024 + 1 + extra, 0x61) })) });
  }
  return fc.oneof(...kinds.map(({ weight, arbitrary }) => ({ weight: Math.max(1, Math.round(weight * 10)), arbitrary })));
}

/** Authorization and X-Amz-Date headers: missing, malformed, or well-formed with the wrong parts. */
export const garbledAuthorization: fc.Arbitrary<Record<string, string>> = fc
  .record({
    akid: fc.constantFrom('AKIDFUZZ0000000000', 'constructor', '', 'x'),
    date: fc.constantFrom('20261129', '2026112', 'yyyymmdd'),
    region: fc.constantFrom('us-east-1', 'moon-base-1', 'x', ''),
    service: fc.constantFrom('kms', 'cloudhsm', 'ec2', 'cloudhsmv2', ''),
    terminator: fc.constantFrom('aws4_request', 'aws4', ''),
    shape: fc.constantFrom('full', 'credential-only', 'noise', 'basic', 'none'),
    noise: fc.string({ maxLength: 30 }),
    amzDate: fc.option(fc.constantFrom('20261129T113138Z', new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''), 'not-a-date'), { nil: undefined }),
  })
  .map(({ akid, date, region, service, terminator, shape, noise, amzDate }) => {
    const credential = `${akid}/${date}/${region}/${service}/${terminator}`;
    const authorization = {
      full: `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=${'ab'.repeat(32)}`,
      'credential-only': `AWS4-HMAC-SHA256 Credential=${credential}`,
      noise: `AWS4-HMAC-SHA256 ${noise}`,
      basic: `Basic ${Buffer.from(noise).toString('base64')}`,
      none: undefined,
    }[shape];
    return { ...(authorization === undefined ? {} : { authorization: headerText(authorization) }), ...(amzDate === undefined ? {} : { 'x-amz-date': amzDate }) };
  });

export function operationsOf(model: ServiceModel): string[] {
  return model.operationNames;
}
