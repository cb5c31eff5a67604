// Fuzz door: the AWS endpoint (JSON 1.1 targets of KMS and CloudHSM V2, the EC2 query protocol, headers,
// bodies of every size, broken UTF-8, deep nesting, garbled signatures), first in front of stub handlers
// that check what they are given against the model, then in front of a whole simulator (seed preset,
// in-memory engine). Contract: every answer is a 200 or an AWS-shaped 4xx (JSON `__type` + message, or
// EC2's XML error), never a 5xx, never a stack trace or a file path; no handler ever sees input its model
// forbids; the ciphertext blob of Decrypt, bit-flipped, cut or extended, is InvalidCiphertextException.

import { expect } from 'chai';
import fc from 'fast-check';
import { Agent } from 'node:http';
import { type RunningSimulator, startSimulator } from '../../../src/index';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import { validateInput } from '../../../src/wire/input-validator';
import type { ServiceModel, Shape } from '../../../src/wire/service-model';
import type { OperationHandlers, WireStructure } from '../../../src/wire/wire.types';
import { fuzzParameters, fuzzRuns, fuzzTimeout } from '../../support/fuzz-settings';
import { exchange, type RawAnswer, type RawRequest } from '../wire/http-exchange';
import { garbledAuthorization, operationsOf, requestArbitrary } from './wire-request.arbitraries';

const RUNS = 1000;
const MODELS = [cloudHsmV2Model, kmsModel, ec2Model] as const;
const STACK_OR_PATH = /\n\s+at |\/work\/|node_modules|\.[jt]s:\d|\/dev\/shm|\/tmp\/|file:\/\//;

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
  if (STACK_OR_PATH.test(answer.body)) return `a stack trace or path in: ${answer.body.slice(0, 300)}`;
  if (answer.status === 200) return undefined;
  if (answer.status < 400 || answer.status > 499) return `status ${answer.status}: ${answer.body.slice(0, 300)}`;
  if (request.method === 'HEAD') return undefined;
  if (String(answer.headers['content-type']).startsWith('text/xml')) return XML_ERROR.test(answer.body) ? undefined : 'malformed XML error';
  if (answer.headers['x-amzn-requestid'] === undefined) return 'no x-amzn-RequestId';
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return `not JSON: ${answer.body.slice(0, 200)}`;
  }
  const message = body['message'] ?? body['Message'];
  // The /_sim/ admin routes answer plain JSON: a message is enough.
  if ((request.path ?? '/').startsWith('/_sim/') && typeof message === 'string') return undefined;
  return typeof body['__type'] === 'string' && body['__type'] !== '' && typeof message === 'string' ? undefined : `not an AWS error body: ${answer.body.slice(0, 200)}`;
}

function describeRequest(request: RawRequest): string {
  return `${request.method ?? 'POST'} ${request.path ?? '/'} ${JSON.stringify(request.headers)} ${String(request.body).slice(0, 160)}`;
}

describe('fuzz door: the AWS endpoint (JSON 1.1, EC2 query, headers, bodies, signatures)', function () {
  this.timeout(fuzzTimeout(RUNS, 40, 60_000));
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  after(() => agent.destroy());

  /** Sends one request and checks the answer; returns it. */
  async function check(port: number, request: RawRequest): Promise<RawAnswer> {
    const answer = await exchange(port, request, agent);
    const problem = problemWith(request, answer);
    expect(problem, `${problem} for ${describeRequest(request)}`).to.equal(undefined);
    return answer;
  }

  describe('in front of stub handlers that check their input against the model', () => {
    const invalidCalls: string[] = [];
    const internalErrors: unknown[] = [];
    const endpoints: AwsEndpoint[] = [];

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

    after(() => Promise.all(endpoints.map((endpoint) => endpoint.close())));

    it(`answers ${fuzzRuns(RUNS)} generated requests with 200 or an AWS-shaped 4xx, and no handler sees invalid input`, async () => {
      const port = await start({});
      await fc.assert(
        fc.asyncProperty(requestArbitrary(), async (request) => {
          await check(port, request);
          expect(invalidCalls.slice(0, 3)).to.deep.equal([]);
          expect(internalErrors.slice(0, 3)).to.deep.equal([]);
        }),
        fuzzParameters(RUNS),
      );
    });

    it(`refuses ${Math.round(fuzzRuns(RUNS) * 0.3)} missing and garbled signatures in strict mode, always with a 4xx`, async () => {
      const port = await start({ strict: true, credentials: { AKIDFUZZ0000000000: { secretAccessKey: 'fuzz-secret' } } });
      await fc.assert(
        fc.asyncProperty(requestArbitrary([], false), garbledAuthorization, async (request, authorization) => {
          const answer = await check(port, { ...request, headers: { ...request.headers, ...authorization } });
          expect(answer.status, 'a garbled signature was accepted').not.to.equal(200);
        }),
        fuzzParameters(RUNS, 0.3),
      );
      expect(internalErrors).to.deep.equal([]);
    });
  });

  describe('in front of a whole simulator (seed preset, in-memory engine)', () => {
    let sim: RunningSimulator;
    let port: number;
    const internalErrors: string[] = [];

    before(async function () {
      this.timeout(60_000);
      sim = await startSimulator({ preset: 'seed', engine: 'in-memory' });
      port = Number(new URL(sim.endpoint).port);
    });
    after(() => sim?.stop());

    async function kms(operation: string, input: object): Promise<{ status: number; body: Record<string, unknown> }> {
      const answer = await exchange(port, { headers: { 'x-amz-target': `TrentService.${operation}`, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(input) }, agent);
      return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
    }

    it(`refuses ${fuzzRuns(RUNS) / 2} bit-flipped, cut and extended ciphertext blobs with InvalidCiphertextException`, async () => {
      const own = await kms('CreateKey', {});
      const keys = [sim.keyId!, (own.body['KeyMetadata'] as { KeyId: string }).KeyId];
      const blobs = await Promise.all(
        keys.map(async (KeyId) => {
          const encrypted = await kms('Encrypt', { KeyId, Plaintext: Buffer.from('fuzz me').toString('base64'), EncryptionContext: { door: 'ciphertext' } });
          expect(encrypted.status, JSON.stringify(encrypted.body)).to.equal(200);
          return Buffer.from(encrypted.body['CiphertextBlob'] as string, 'base64');
        }),
      );
      const mutation = fc.oneof(
        fc.tuple(fc.constant('flip' as const), fc.nat(), fc.integer({ min: 0, max: 7 })),
        fc.tuple(fc.constant('cut' as const), fc.nat(), fc.constant(0)),
        fc.tuple(fc.constant('extend' as const), fc.integer({ min: 1, max: 64 }), fc.constant(0)),
      );
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: blobs.length - 1 }), mutation, fc.boolean(), async (which, [how, at, bit], withKeyId) => {
          const blob = Buffer.from(blobs[which]!);
          let mutated: Buffer;
          if (how === 'flip') {
            mutated = blob;
            mutated[at % blob.length] = mutated[at % blob.length]! ^ (1 << bit);
          } else if (how === 'cut') mutated = blob.subarray(0, at % blob.length);
          else mutated = Buffer.concat([blob, Buffer.alloc(at, 0x5a)]);
          const input = { CiphertextBlob: mutated.toString('base64'), EncryptionContext: { door: 'ciphertext' }, ...(withKeyId ? { KeyId: keys[which] } : {}) };
          const answer = await kms('Decrypt', input);
          // The key id bytes of the blob changed: the blob names another key (unknown, or not the one given).
          const accepted = mutated.length === 0 ? ['ValidationException'] : ['InvalidCiphertextException', 'AccessDeniedException', 'IncorrectKeyException'];
          expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
          expect(answer.body['__type'], JSON.stringify(answer.body)).to.be.oneOf(accepted);
        }),
        fuzzParameters(RUNS, 0.5),
      );
    });

    it(`answers ${fuzzRuns(RUNS)} generated requests, some naming real ids, with 200 or an AWS-shaped 4xx`, async () => {
      const known = [sim.keyId!, sim.customKeyStoreId!, sim.clusterId!, 'alias/seed-key', ...(sim.preset?.clusters[0]?.hsmIds ?? [])];
      await fc.assert(
        fc.asyncProperty(requestArbitrary(known), async (request) => {
          await check(port, request);
        }),
        fuzzParameters(RUNS),
      );
      expect(internalErrors).to.deep.equal([]);
      const health = await exchange(port, { method: 'GET', path: '/_sim/health' }, agent);
      expect(health.status).to.equal(200);
    });
  });
});
