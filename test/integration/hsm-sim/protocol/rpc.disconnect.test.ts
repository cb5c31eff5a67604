import { expect } from 'chai';
import type { ConnectionContext } from '../../../../hsm-sim/node/node.types';
import { RpcConnectionError } from '../../../../hsm-sim/protocol';
import { deferred } from './deferred';
import { useRpcTestBed } from './rpc-test-bed';

async function rejection(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  expect.fail('expected the call to fail');
}

function waitUntil(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => {
      if (condition()) resolve();
      else setTimeout(poll, 5);
    };
    poll();
  });
}

describe('RPC connection lifecycle', () => {
  const bed = useRpcTestBed();

  it('counts connections and calls onConnect, then onDisconnect once, when the client closes', async () => {
    const connected: string[] = [];
    const disconnected: string[] = [];
    const { server, port } = await bed().server({
      handlers: { id: (context: ConnectionContext) => context.connectionId },
      onConnect: (context) => void connected.push(context.connectionId),
      onDisconnect: (context) => void disconnected.push(context.connectionId),
    });
    const client = await bed().client(port);
    const connectionId = await client.call<string>('id');
    expect(server.connections).to.equal(1);
    expect(connected).to.deep.equal([connectionId]);
    await client.close();
    await waitUntil(() => disconnected.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(disconnected).to.deep.equal([connectionId]);
    expect(server.connections).to.equal(0);
  });

  it('calls onDisconnect once per connection when the server closes, before close() resolves', async () => {
    const disconnected: string[] = [];
    const { server, port } = await bed().server({ onDisconnect: (context) => void disconnected.push(context.connectionId) });
    const clients = [await bed().client(port), await bed().client(port)];
    // The server finishes its side of the handshake just after the client does.
    await waitUntil(() => server.connections === 2);
    await server.close();
    expect(disconnected).to.have.length(2);
    expect(new Set(disconnected).size).to.equal(2);
    await waitUntil(() => clients.every((client) => !client.isOpen));
  });

  it('runs onDisconnect only after the request running at the close has settled, and drops queued ones', async () => {
    const events: string[] = [];
    const loginStarted = deferred();
    const loginMayFinish = deferred();
    const { server, port } = await bed().server({
      handlers: {
        login: async () => {
          loginStarted.resolve();
          await loginMayFinish.promise;
          events.push('login finished');
        },
        next: () => void events.push('next ran'),
      },
      onDisconnect: () => void events.push('disconnected'),
    });
    const client = await bed().client(port);
    const calls = [client.call('login'), client.call('next')].map(rejection);
    await loginStarted.promise;
    const closing = server.close();
    await waitUntil(() => !client.isOpen);
    loginMayFinish.resolve();
    await closing;
    expect(events).to.deep.equal(['login finished', 'disconnected']);
    for (const error of await Promise.all(calls)) expect(error).to.be.instanceOf(RpcConnectionError).and.include({ code: 'CLOSED' });
  });

  it('rejects pending and later calls with CLOSED and tells onClose listeners when the server goes away', async () => {
    const handlerMayFinish = deferred();
    const { server, port } = await bed().server({ handlers: { hang: () => handlerMayFinish.promise } });
    const client = await bed().client(port);
    const reasons: RpcConnectionError[] = [];
    client.onClose((reason) => reasons.push(reason));
    const pending = Array.from({ length: 5 }, () => rejection(client.call('hang')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // close() waits for the running handler; the client sees the connection go at once.
    const closing = server.close();
    for (const error of await Promise.all(pending)) expect(error).to.be.instanceOf(RpcConnectionError).and.include({ code: 'CLOSED' });
    expect(client.isOpen).to.equal(false);
    expect(reasons).to.have.length(1);
    expect(await rejection(client.call('hang'))).to.be.instanceOf(RpcConnectionError).and.include({ code: 'CLOSED' });
    const late = deferred<RpcConnectionError>();
    client.onClose(late.resolve);
    expect(await late.promise).to.equal(reasons[0]);
    handlerMayFinish.resolve();
    await closing;
  });

  it('closes the connection when onConnect fails, reporting the error and still calling onDisconnect once', async () => {
    const reported: unknown[] = [];
    let disconnects = 0;
    const { port } = await bed().server({
      handlers: { ping: () => 'pong' },
      onConnect: () => Promise.reject(new Error('no session slots left')),
      onDisconnect: () => void disconnects++,
      onInternalError: (error) => reported.push(error),
    });
    const client = await bed().client(port);
    expect(await rejection(client.call('ping'))).to.be.instanceOf(RpcConnectionError).and.include({ code: 'CLOSED' });
    await waitUntil(() => disconnects > 0);
    expect(disconnects).to.equal(1);
    expect(reported).to.have.length(1);
    expect((reported[0] as Error).message).to.equal('no session slots left');
  });

  it('rejects a call with no response within requestTimeoutMs as ETIMEDOUT and keeps the connection', async () => {
    const hangs = deferred();
    const { port } = await bed().server({ handlers: { hang: () => hangs.promise.then(() => 'late'), echo: (_context, args) => args } });
    const client = await bed().client(port, { requestTimeoutMs: 100 });
    const error = await rejection(client.call('hang'));
    expect(error).to.be.instanceOf(RpcConnectionError).and.include({ code: 'ETIMEDOUT' });
    hangs.resolve();
    expect(await client.call('echo', 'after')).to.equal('after');
  });

  it('refuses to connect to a closed port with ECONNREFUSED', async () => {
    const { server, port } = await bed().server();
    await server.close();
    const error = await rejection(bed().client(port));
    expect(error).to.be.instanceOf(RpcConnectionError).and.include({ code: 'ECONNREFUSED' });
  });
});
