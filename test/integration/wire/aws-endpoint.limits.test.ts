// The endpoint's own bounds: a connection cap, a connection that never speaks (or speaks too slowly)
// closed after the header and request timeouts, and the admin token on /_sim/ routes.

import { expect } from 'chai';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { AwsEndpoint, DEFAULT_MAX_CONNECTIONS } from '../../../src/wire/aws-endpoint';
import { exchange } from './http-exchange';

async function open(port: number): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/** What the server wrote before it closed the socket, or undefined if it is still open after `withinMs`. */
async function closedWith(socket: Socket, withinMs: number): Promise<string | undefined> {
  let written = '';
  socket.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const closed = await Promise.race([once(socket, 'close').then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs))]);
  return closed ? written : undefined;
}

describe('AWS endpoint bounds: connections, timeouts, the admin token', function () {
  this.timeout(20_000);
  const endpoints: AwsEndpoint[] = [];
  const sockets: Socket[] = [];

  async function start(options: ConstructorParameters<typeof AwsEndpoint>[0]): Promise<number> {
    const endpoint = new AwsEndpoint(options);
    endpoint.route('GET', '/_sim/ping', () => ({ body: { pong: true } }));
    endpoints.push(endpoint);
    return endpoint.listen();
  }

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
  });

  it('holds 1,000 connections by default and closes those over its cap as they arrive', async () => {
    expect(DEFAULT_MAX_CONNECTIONS).to.equal(1000);
    const port = await start({ maxConnections: 2 });
    sockets.push(await open(port), await open(port));
    const third = await open(port);
    sockets.push(third);
    expect(await closedWith(third, 2000)).to.equal('');
  });

  it('answers 408 and closes a connection that never sends its headers', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, connectionsCheckingIntervalMs: 50 });
    const silent = await open(port);
    sockets.push(silent);
    expect(await closedWith(silent, 3000)).to.match(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a request whose body never arrives whole', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, connectionsCheckingIntervalMs: 50 });
    const slow = await open(port);
    sockets.push(slow);
    slow.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: TrentService.ListKeys\r\nContent-Length: 100\r\n\r\n{');
    expect(await closedWith(slow, 3000)).to.match(/HTTP\/1\.1 408 /);
  });

  it('refuses headers over 16 KiB with 431 and goes on serving', async () => {
    const port = await start({});
    const huge = await open(port);
    sockets.push(huge);
    huge.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.ListKeys\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(await closedWith(huge, 3000)).to.match(/^HTTP\/1\.1 431 /);
    const next = await exchange(port, { headers: { 'x-amz-target': 'TrentService.ListKeys', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(next.status).to.be.within(200, 499);
  });

  it('wants the admin token on /_sim/ routes once one is set, and only there', async () => {
    const port = await start({ adminToken: 'a-token-of-sixteen-or-more' });
    const refused = await exchange(port, { method: 'GET', path: '/_sim/ping' });
    expect([refused.status, JSON.parse(refused.body)]).to.deep.equal([
      401,
      { __type: 'UnauthorizedException', message: 'The /_sim/ admin routes need the admin token: send Authorization: Bearer <token> or X-Sim-Admin-Token: <token>.' },
    ]);
    expect((await exchange(port, { method: 'GET', path: '/_sim/ping', headers: { authorization: 'Bearer a-token-of-sixteen-or-more' } })).status).to.equal(200);
    expect((await exchange(port, { method: 'GET', path: '/_sim/ping', headers: { 'x-sim-admin-token': 'a-token-of-sixteen-or-more' } })).status).to.equal(200);
    expect((await exchange(port, { method: 'GET', path: '/_sim/ping', headers: { authorization: 'Bearer a-token-of-sixteen-or-morf' } })).status).to.equal(401);
    expect((await exchange(port, { method: 'GET', path: '/_sim/ping', headers: { authorization: 'Bearer a-token' } })).status).to.equal(401);
    // AWS routes keep their own authentication: the admin token is not asked for there.
    const aws = await exchange(port, { headers: { 'x-amz-target': 'TrentService.ListKeys', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(aws.status).not.to.equal(401);
  });
});
