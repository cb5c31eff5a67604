// What the web console needs of the endpoint: admin routes that answer static text with its content
// type, a route that takes over the response for a Server-Sent Events stream (ended by close()), and a
// hook after every answer that names the operation, the caller and the error code.

import { get, type IncomingMessage } from 'node:http';
import { expect } from 'chai';
import { awsException } from '../../../src/shared/aws-exception';
import { AwsEndpoint } from '../../../src/wire/aws-endpoint';
import { kmsModel } from '../../../src/wire/aws-models';
import type { RequestLogContext } from '../../../src/wire/request-dispatcher';
import { exchange } from './http-exchange';

const NotFoundException = awsException('NotFoundException');

describe('the HTTP endpoint: static text, taken-over responses and the answered hook', () => {
  let endpoint: AwsEndpoint;
  let port: number;
  const answered: { context: RequestLogContext; status: number }[] = [];

  before(async () => {
    endpoint = new AwsEndpoint();
    endpoint.register(kmsModel, {
      DescribeKey: () => {
        throw new NotFoundException('no such key');
      },
      ListKeys: () => ({ Keys: [], Truncated: false }),
    });
    endpoint.route('GET', '/_sim/page/', (request) => ({ text: { contentType: 'text/css; charset=utf-8', content: `/* ${request.path} */` } }));
    endpoint.takeOver('/_sim/page/stream', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('event: hello\ndata: {"n":1}\n\n');
    });
    endpoint.onAnswered((context, status) => answered.push({ context, status }));
    port = await endpoint.listen();
  });

  after(() => endpoint.close());

  it('writes an admin route text answer as is, with its content type', async () => {
    const answer = await exchange(port, { method: 'GET', path: '/_sim/page/app.css' });
    expect(answer.status).to.equal(200);
    expect(answer.headers['content-type']).to.equal('text/css; charset=utf-8');
    expect(answer.body).to.equal('/* /_sim/page/app.css */');
  });

  it('hands a GET under a take-over prefix the raw response, which stays open and streams', async () => {
    const response = await new Promise<IncomingMessage>((resolve, reject) => get({ host: '127.0.0.1', port, path: '/_sim/page/stream' }, resolve).on('error', reject));
    expect(response.headers['content-type']).to.equal('text/event-stream');
    const first = await new Promise<string>((resolve) => response.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    expect(first).to.equal('event: hello\ndata: {"n":1}\n\n');
    const ended = new Promise<void>((resolve) => response.once('close', () => resolve()));
    // close() ends open streams too, or it would never resolve.
    await endpoint.close();
    await ended;
    port = await endpoint.listen();
  });

  it('refuses a take-over route outside /_sim/', () => {
    expect(() => endpoint.takeOver('/stream', () => undefined)).to.throw('admin routes live under /_sim/');
  });

  it('tells the answered hook the operation, the caller and the error code', async () => {
    answered.length = 0;
    const headers = { 'content-type': 'application/x-amz-json-1.1' };
    await exchange(port, { headers: { ...headers, 'x-amz-target': 'TrentService.ListKeys' }, body: '{}' });
    await exchange(port, { headers: { ...headers, 'x-amz-target': 'TrentService.DescribeKey' }, body: '{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}' });
    await exchange(port, { method: 'GET', path: '/_sim/page/app.js' });
    expect(answered.map(({ context, status }) => [context.operation, context.accessKeyId, context.errorCode, status])).to.deep.equal([
      ['ListKeys', undefined, undefined, 200],
      ['DescribeKey', undefined, 'NotFoundException', 400],
      [undefined, undefined, undefined, 200],
    ]);
  });
});
