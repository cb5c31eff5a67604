import { expect } from 'chai';
import type { ConnectionContext } from '../../../../hsm-sim/node/node.types';
import { deferred } from './deferred';
import { useRpcTestBed } from './rpc-test-bed';

describe('RPC request ordering', () => {
  const bed = useRpcTestBed();

  it('runs the requests of one connection one at a time, in arrival order', async () => {
    const events: string[] = [];
    const loginMayFinish = deferred();
    const { port } = await bed().server({
      handlers: {
        login: async (context: ConnectionContext) => {
          events.push('login started');
          await loginMayFinish.promise;
          context.principal = { userId: 3, username: 'kmsuser', role: 'CU' };
          events.push('login finished');
        },
        whoami: (context: ConnectionContext) => {
          events.push('whoami');
          return context.principal?.username;
        },
      },
    });
    const client = await bed().client(port);
    const login = client.call('login');
    const whoami = client.call<string>('whoami');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.deep.equal(['login started']);
    loginMayFinish.resolve();
    await login;
    expect(await whoami).to.equal('kmsuser');
    expect(events).to.deep.equal(['login started', 'login finished', 'whoami']);
  });

  it('runs different connections concurrently', async () => {
    const slowMayFinish = deferred();
    const { port } = await bed().server({
      handlers: { slow: () => slowMayFinish.promise.then(() => 'slow'), fast: () => 'fast' },
    });
    const [first, second] = [await bed().client(port), await bed().client(port)];
    const slow = first.call('slow');
    expect(await second.call('fast')).to.equal('fast');
    slowMayFinish.resolve();
    expect(await slow).to.equal('slow');
  });

  it('gives each connection its own context with its source address', async () => {
    const { port } = await bed().server({ handlers: { context: (context: ConnectionContext) => context } });
    const [first, second] = [await bed().client(port), await bed().client(port)];
    const [one, other] = await Promise.all([first.call<ConnectionContext>('context'), second.call<ConnectionContext>('context')]);
    expect(one.sourceAddress).to.equal('127.0.0.1');
    expect(one.connectionId).to.be.a('string').and.not.equal(other.connectionId);
    expect(await first.call<ConnectionContext>('context')).to.deep.equal(one);
  });
});
