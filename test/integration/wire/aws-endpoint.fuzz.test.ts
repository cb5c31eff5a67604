// Bounded fuzzing of the endpoint with a fixed seed: malformed targets, bodies, types, sizes, forms,
// methods and signatures. Every answer must be a 4xx in AWS shape (or a 200 for a request that happened
// to be valid), never a 5xx, and no handler may ever see input its model forbids.

import { expect } from 'chai';
import { Agent } from 'node:http';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import { validateInput } from '../../../src/wire/input-validator';
import type { ServiceModel, Shape } from '../../../src/wire/service-model';
import type { OperationHandlers, WireStructure } from '../../../src/wire/wire.types';
import { exchange, type RawAnswer, type RawRequest } from './http-exchange';

const SEED = 20261129;
const REQUESTS = 3000;
const CONCURRENCY = 16;
const MODELS = [cloudHsmV2Model, kmsModel, ec2Model] as const;
const JSON_MODELS = [cloudHsmV2Model, kmsModel] as const;

/** mulberry32: small, fast, and the same sequence on every run. */
class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  text(maxLength: number, alphabet = 'abcXYZ019-_./:=+@# \'"\\{}[]<>&%\u00e9\u4e2d\u{1F600}\u0000\n'): string {
    const characters = [...alphabet];
    return Array.from({ length: this.int(maxLength + 1) }, () => this.pick(characters)).join('');
  }
}

function operationsOf(model: ServiceModel): string[] {
  return model.operationNames;
}

/** A JSON value for a shape: sometimes right, often of the wrong type, length or pattern. */
function fuzzValue(random: Random, shape: Shape, depth: number): unknown {
  if (random.chance(0.25) || depth > 4) {
    return random.pick<() => unknown>([
      () => random.text(12),
      () => random.int(2 ** 33) - 2 ** 32,
      () => random.next() * 1e6,
      () => random.chance(0.5),
      () => null,
      () => [random.text(5)],
      () => ({ [random.text(4)]: random.text(4) }),
      () => 'x'.repeat(random.int(70_000)),
    ])();
  }
  switch (shape.type) {
    case 'structure':
      return Object.fromEntries([...shape.members].filter(() => random.chance(0.6)).map(([name, member]) => [name, fuzzValue(random, member.shape, depth + 1)]));
    case 'list':
      return Array.from({ length: random.int(random.chance(0.1) ? 60 : 4) }, () => fuzzValue(random, shape.member.shape, depth + 1));
    case 'map':
      return Object.fromEntries(Array.from({ length: random.int(random.chance(0.1) ? 40 : 3) }, () => [random.text(6), fuzzValue(random, shape.value.shape, depth + 1)]));
    case 'string':
      return shape.enum !== undefined && random.chance(0.5) ? random.pick(shape.enum) : random.text(random.chance(0.1) ? 300 : 20);
    case 'integer':
    case 'long':
      return random.int(3000) - 1000;
    case 'boolean':
      return random.chance(0.5);
    case 'timestamp':
      return random.chance(0.5) ? random.int(2e9) : random.text(10);
    case 'blob':
      return random.chance(0.7) ? Buffer.from(random.text(20)).toString('base64') : random.text(10);
  }
}

/** Header values must be printable ASCII, or the HTTP client refuses to send them. */
function headerText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '');
}

function jsonHeaders(target: string): Record<string, string> {
  return { 'x-amz-target': headerText(target), 'content-type': 'application/x-amz-json-1.1' };
}

function validTarget(random: Random): { model: ServiceModel; operation: string; target: string } {
  const model = random.pick(JSON_MODELS);
  const operation = random.pick(operationsOf(model));
  return { model, operation, target: `${model.metadata.targetPrefix}.${operation}` };
}

const GENERATORS: ReadonlyArray<(random: Random) => RawRequest> = [
  // Unknown or half-known targets.
  (random) => {
    const model = random.pick(JSON_MODELS);
    const target = random.pick([random.text(20), `${model.metadata.targetPrefix}.${random.text(12)}`, `${random.text(8)}.DescribeClusters`, `${model.metadata.targetPrefix}.`, '.']);
    return { headers: jsonHeaders(target), body: '{}' };
  },
  // Broken JSON.
  (random) => {
    const { model, operation, target } = validTarget(random);
    const valid = JSON.stringify(fuzzValue(random, model.operation(operation)!.input!, 0));
    const body = random.pick([valid.slice(0, random.int(valid.length)), `${valid}}`, random.text(40), '{"a":', '\u0000\u0001', '[1,2', '{"KeyId": "k",}']);
    return { headers: jsonHeaders(target), body };
  },
  // Shaped but mostly invalid input: wrong types, lengths, patterns, enums, ranges, huge strings.
  (random) => {
    const { model, operation, target } = validTarget(random);
    return { headers: jsonHeaders(target), body: JSON.stringify(fuzzValue(random, model.operation(operation)!.input!, 0)) };
  },
  // JSON that is not an object at the top.
  (random) => ({ headers: jsonHeaders(validTarget(random).target), body: random.pick(['[]', '"text"', '42', 'true', '[{}]']) }),
  // Random form bodies for EC2.
  (random) => {
    const action = random.pick([...operationsOf(ec2Model), random.text(10), '']);
    const names = ['SubnetId', 'Filter', 'MaxResults', 'DryRun', 'GroupId', 'IpPermissions', 'TagSpecification', 'GroupName', 'GroupDescription', random.text(6)];
    const parameters: string[] = [];
    if (random.chance(0.9)) parameters.push(`Action=${encodeURIComponent(action)}`);
    if (random.chance(0.9)) parameters.push('Version=2016-11-15');
    for (let count = random.int(8); count > 0; count -= 1) {
      const path = Array.from({ length: 1 + random.int(4) }, () => random.pick([random.pick(names), String(random.int(12)), 'Name', 'Value', '1', String(2 ** 40)])).join('.');
      parameters.push(`${encodeURIComponent(path)}=${random.chance(0.1) ? '%E0%A4%A' : encodeURIComponent(random.text(16))}`);
    }
    return { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: parameters.join('&') };
  },
  // Wrong methods and paths.
  (random) => {
    const method = random.pick(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST']);
    const path = random.pick(['/', '/x', `/${random.text(10).replace(/[^a-z0-9]/gi, '')}`, '/_sim/unknown', '//', '/?Action=DescribeSubnets']);
    const headers = random.chance(0.5) ? jsonHeaders(validTarget(random).target) : random.chance(0.5) ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    return { method, path, headers, body: ['GET', 'HEAD', 'OPTIONS'].includes(method) ? undefined : 'Action=DescribeSubnets&Version=2016-11-15' };
  },
  // A body just over the limit, now and then.
  (random) => ({ headers: random.chance(0.5) ? jsonHeaders(validTarget(random).target) : { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(1024 * 1024 + 1 + random.int(1000), 0x61) }),
];
const WEIGHTS = [3, 4, 10, 1, 6, 2, 0.05];

function garbledAuthorization(random: Random): Record<string, string> {
  const credential = `${random.pick(['AKIDFUZZ0000000000', random.text(8), ''])}/${random.pick(['20261129', random.text(8)])}/${random.pick(['us-east-1', random.text(5)])}/${random.pick(['kms', 'cloudhsm', 'ec2', random.text(4)])}/${random.pick(['aws4_request', random.text(4)])}`;
  const authorization = random.pick([
    `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=${'ab'.repeat(32)}`,
    `AWS4-HMAC-SHA256 Credential=${credential}`,
    `AWS4-HMAC-SHA256 ${random.text(30)}`,
    random.text(40),
    `Basic ${Buffer.from(random.text(10)).toString('base64')}`,
  ]);
  const headers: Record<string, string> = {};
  if (random.chance(0.85)) headers['authorization'] = headerText(authorization);
  if (random.chance(0.7)) headers['x-amz-date'] = random.pick(['20261129T113138Z', new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''), headerText(random.text(16))]);
  return headers;
}

function pickGenerator(random: Random): (random: Random) => RawRequest {
  const total = WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [index, weight] of WEIGHTS.entries()) {
    roll -= weight;
    if (roll < 0) return GENERATORS[index]!;
  }
  return GENERATORS[0]!;
}

/** Where a decoded input has a value of the wrong type for its shape, or undefined when it fits. */
function typeMismatch(shape: Shape, value: unknown, path: string): string | undefined {
  const plainObject = typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
  switch (shape.type) {
    case 'structure':
      if (!plainObject) return path;
      return Object.entries(value).reduce<string | undefined>((found, [name, field]) => {
        const member = shape.members.get(name);
        return found ?? (member === undefined ? `${path}.${name} (not a member)` : typeMismatch(member.shape, field, `${path}.${name}`));
      }, undefined);
    case 'list':
      if (!Array.isArray(value)) return path;
      return value.reduce<string | undefined>((found, element, index) => found ?? typeMismatch(shape.member.shape, element, `${path}[${index}]`), undefined);
    case 'map':
      if (!plainObject) return path;
      return Object.entries(value).reduce<string | undefined>((found, [key, entry]) => found ?? typeMismatch(shape.value.shape, entry, `${path}.${key}`), undefined);
    case 'string':
      return typeof value === 'string' ? undefined : path;
    case 'integer':
    case 'long':
      return Number.isSafeInteger(value) ? undefined : path;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : path;
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : path;
    case 'blob':
      return Buffer.isBuffer(value) ? undefined : path;
  }
}

const XML_ERROR = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[^<]+<\/RequestID><\/Response>$/;

/** Why an answer is not an AWS-shaped 4xx or 200, or undefined when it is. */
function problemWith(request: RawRequest, answer: RawAnswer): string | undefined {
  if (answer.status === 200) return undefined;
  if (answer.status < 400 || answer.status > 499) return `status ${answer.status}`;
  if (request.method === 'HEAD') return undefined;
  if (String(answer.headers['content-type']).startsWith('text/xml')) return XML_ERROR.test(answer.body) ? undefined : 'malformed XML error';
  if (answer.headers['x-amzn-requestid'] === undefined) return 'no x-amzn-RequestId';
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  const message = body['message'] ?? body['Message'];
  return typeof body['__type'] === 'string' && body['__type'] !== '' && typeof message === 'string' ? undefined : `not an AWS error body: ${answer.body.slice(0, 200)}`;
}

describe('fuzzing the endpoint with malformed requests', function () {
  this.timeout(60_000);
  const invalidCalls: string[] = [];
  const internalErrors: unknown[] = [];
  const endpoints: AwsEndpoint[] = [];

  /** Stubs for every modelled operation that check what they are given against the model. */
  function checkingHandlers(model: ServiceModel): OperationHandlers {
    return Object.fromEntries(
      operationsOf(model).map((name) => [
        name,
        (input: WireStructure) => {
          const shape = model.operation(name)!.input!;
          const mismatch = typeMismatch(shape, input, name);
          if (mismatch !== undefined) invalidCalls.push(`${name}: wrong type at ${mismatch}`);
          const violations = validateInput(shape, input);
          if (violations.length > 0) invalidCalls.push(`${name}: ${violations[0]!.constraint}`);
          return {};
        },
      ]),
    );
  }

  async function start(options: ConstructorParameters<typeof AwsEndpoint>[0]): Promise<number> {
    const endpoint = new AwsEndpoint({ ...options, onInternalError: (error) => internalErrors.push(error) });
    for (const model of MODELS) endpoint.register(model, checkingHandlers(model));
    endpoints.push(endpoint);
    return endpoint.listen();
  }

  async function run(port: number, count: number, random: Random, makeRequest: (random: Random) => RawRequest): Promise<{ problems: string[]; statuses: Map<number, number> }> {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const requests = Array.from({ length: count }, () => makeRequest(random));
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const request = requests[next]!;
        next += 1;
        const answer = await exchange(port, request, agent);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemWith(request, answer);
        if (problem !== undefined) problems.push(`${problem} for ${request.method ?? 'POST'} ${request.path ?? '/'} ${JSON.stringify(request.headers)} ${String(request.body).slice(0, 120)}`);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      agent.destroy();
    }
    return { problems, statuses };
  }

  after(() => Promise.all(endpoints.map((endpoint) => endpoint.close())));

  it(`answers ${REQUESTS} generated bad requests with AWS-shaped 4xx errors only`, async () => {
    const port = await start({});
    const { problems, statuses } = await run(port, REQUESTS, new Random(SEED), (random) => pickGenerator(random)(random));
    expect(problems.slice(0, 5)).to.deep.equal([]);
    expect(invalidCalls.slice(0, 5)).to.deep.equal([]);
    expect(internalErrors).to.deep.equal([]);
    const refused = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, count]) => sum + count, 0);
    expect(refused, JSON.stringify([...statuses])).to.be.greaterThan(REQUESTS * 0.8);
  });

  it('refuses missing and garbled signatures in strict mode, always with a 4xx', async () => {
    const port = await start({ strict: true, credentials: { AKIDFUZZ0000000000: { secretAccessKey: 'fuzz-secret' } } });
    const { problems, statuses } = await run(port, 500, new Random(SEED + 1), (random) => {
      const request = random.chance(0.7) ? GENERATORS[2]!(random) : GENERATORS[4]!(random);
      return { ...request, headers: { ...request.headers, ...garbledAuthorization(random) } };
    });
    expect(problems.slice(0, 5)).to.deep.equal([]);
    expect(statuses.get(200), 'a garbled signature was accepted').to.equal(undefined);
    expect(internalErrors).to.deep.equal([]);
  });
});
