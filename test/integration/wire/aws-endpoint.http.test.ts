import { expect } from 'chai';
import { Agent } from 'node:http';
import { awsException } from '../../../src/shared/aws-exception';
import { AwsEndpoint, DEFAULT_MAX_BODY_BYTES } from '../../../src/wire/aws-endpoint';
import { ec2Model, kmsModel } from '../../../src/wire/aws-models';
import type { RequestLogContext } from '../../../src/wire/request-dispatcher';
import { exchange } from './http-exchange';

const KMSInvalidStateException = awsException('KMSInvalidStateException');

const describeStores = { 'x-amz-target': 'TrentService.DescribeCustomKeyStores', 'content-type': 'application/x-amz-json-1.1' };

describe('the HTTP endpoint', () => {
  let endpoint: AwsEndpoint;
  let port: number;
  const logged: Array<{ context: RequestLogContext; status: number; durationMs: number }> = [];
  const internalErrors: unknown[] = [];

  before(async () => {
    let counter = 0;
    endpoint = new AwsEndpoint({
      requestId: () => `request-${(counter += 1)}`,
      logRequest: (context, status, durationMs) => logged.push({ context, status, durationMs }),
      onInternalError: (error) => internalErrors.push(error),
    });
    endpoint.register(kmsModel, {
      DescribeCustomKeyStores: () => ({ CustomKeyStores: [] }),
      DisableKey: () => {
        throw new KMSInvalidStateException('key is pending deletion');
      },
      EnableKey: () => {
        throw new Error('database is locked');
      },
    });
    endpoint.register(ec2Model, { DescribeSubnets: () => ({ Subnets: [] }) });
    endpoint.route('GET', '/_sim/health', () => ({ body: { healthy: true } }));
    port = await endpoint.listen();
  });

  after(() => endpoint.close());

  it('keeps connections alive across requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await exchange(port, { headers: describeStores, body: '{}' }, agent);
      const second = await exchange(port, { headers: describeStores, body: '{}' }, agent);
      expect([first.status, second.status]).to.deep.equal([200, 200]);
      expect(first.headers['connection']).to.equal('keep-alive');
      expect(second.reusedSocket).to.equal(true);
    } finally {
      agent.destroy();
    }
  });

  it('puts a request id on every awsJson answer, errors included, and logs each request', async () => {
    logged.length = 0;
    const answers = await Promise.all([
      exchange(port, { headers: describeStores, body: '{}' }),
      exchange(port, { headers: { ...describeStores, 'x-amz-target': 'TrentService.DisableKey' }, body: '{"KeyId":"k"}' }),
      exchange(port, { method: 'GET', path: '/favicon.ico' }),
    ]);
    for (const answer of answers) expect(answer.headers['x-amzn-requestid']).to.match(/^request-\d+$/);
    expect(answers.map((answer) => answer.status)).to.deep.equal([200, 400, 400]);
    expect(JSON.parse(answers[1]!.body)).to.deep.equal({ __type: 'KMSInvalidStateException', message: 'key is pending deletion' });
    expect(logged.map((entry) => entry.status).sort()).to.deep.equal([200, 400, 400]);
    const disable = logged.find((entry) => entry.context.operation === 'DisableKey')!;
    expect(disable.context).to.include({ service: 'kms', method: 'POST', path: '/', region: 'us-east-1' });
    expect(disable.durationMs).to.be.greaterThan(0);
  });

  it('answers a crash with a generic 500 and hands the error to the hook', async () => {
    const answer = await exchange(port, { headers: { ...describeStores, 'x-amz-target': 'TrentService.EnableKey' }, body: '{"KeyId":"k"}' });
    expect(answer.status).to.equal(500);
    expect(answer.body).to.not.include('database');
    expect(answer.body).to.not.include('at ');
    expect((internalErrors.at(-1) as Error).message).to.equal('database is locked');
  });

  it('answers a body over 1 MiB with 413 in the request protocol, and closes that connection', async () => {
    const oversized = Buffer.alloc(DEFAULT_MAX_BODY_BYTES + 1, 0x20);
    const json = await exchange(port, { headers: describeStores, body: oversized });
    expect([json.status, JSON.parse(json.body)['__type'], json.headers['connection']]).to.deep.equal([413, 'RequestEntityTooLargeException', 'close']);
    const ec2 = await exchange(port, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: oversized });
    expect(ec2.status).to.equal(413);
    expect(ec2.body).to.include('<Code>RequestEntityTooLarge</Code>');
  });

  it('counts the bytes of a chunked body too', async () => {
    const small = new AwsEndpoint({ maxBodyBytes: 64 });
    small.register(kmsModel, { DescribeCustomKeyStores: () => ({}) });
    const smallPort = await small.listen();
    try {
      const answer = await exchange(smallPort, { headers: { ...describeStores, 'transfer-encoding': 'chunked' }, body: `{"Marker":"${'m'.repeat(100)}"}` });
      expect(answer.status).to.equal(413);
      const fits = await exchange(smallPort, { headers: describeStores, body: '{"Marker":"m"}' });
      expect(fits.status).to.equal(200);
    } finally {
      await small.close();
    }
  });

  it('serves /_sim/ admin routes beside the AWS ones', async () => {
    const answer = await exchange(port, { method: 'GET', path: '/_sim/health?verbose=1' });
    expect([answer.status, JSON.parse(answer.body)]).to.deep.equal([200, { healthy: true }]);
  });

  it('closes while clients still hold idle keep-alive connections', async () => {
    const other = new AwsEndpoint();
    other.register(kmsModel, { DescribeCustomKeyStores: () => ({}) });
    const otherPort = await other.listen();
    const agent = new Agent({ keepAlive: true });
    await exchange(otherPort, { headers: describeStores, body: '{}' }, agent);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).to.be.lessThan(1000);
    agent.destroy();
  });
});
