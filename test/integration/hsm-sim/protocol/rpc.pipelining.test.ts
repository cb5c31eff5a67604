import { expect } from 'chai';
import { useRpcTestBed } from './rpc-test-bed';

describe('RPC pipelining', () => {
  const bed = useRpcTestBed();

  it('matches 1,000 calls in flight on one connection to their own responses', async () => {
    const { port } = await bed().server({
      handlers: { square: (_context, args) => ({ n: (args as { n: number }).n, square: (args as { n: number }).n ** 2 }) },
    });
    const client = await bed().client(port);
    const calls = Array.from({ length: 1000 }, (_, n) => client.call<{ n: number; square: number }>('square', { n }));
    const results = await Promise.all(calls);
    results.forEach((result, n) => expect(result).to.deep.equal({ n, square: n * n }));
  });

  it('carries Buffers both ways', async () => {
    const { port } = await bed().server({
      handlers: { reverse: (_context, args) => ({ data: Buffer.from((args as { data: Buffer }).data).reverse() }) },
    });
    const client = await bed().client(port);
    const { data } = await client.call<{ data: Buffer }>('reverse', { data: Buffer.from([1, 2, 3]) });
    expect(data).to.deep.equal(Buffer.from([3, 2, 1]));
  });

  it('carries a result of a few MiB', async () => {
    const { port } = await bed().server({ handlers: { blob: () => Buffer.alloc(3 * 1024 * 1024, 7) } });
    const client = await bed().client(port);
    const blob = await client.call<Buffer>('blob');
    expect(blob.length).to.equal(3 * 1024 * 1024);
    expect(blob.every((byte) => byte === 7)).to.equal(true);
  });
});
