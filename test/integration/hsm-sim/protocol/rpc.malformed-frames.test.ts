import { expect } from 'chai';
import { once } from 'node:events';
import { connect, type TLSSocket } from 'node:tls';
import { decodeFrameBody, FrameDecoder, MAX_FRAME_BYTES } from '../../../../hsm-sim/protocol';
import { HOST, useRpcTestBed } from './rpc-test-bed';

function frame(body: string): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(Buffer.byteLength(body), 0);
  return Buffer.concat([header, Buffer.from(body)]);
}

describe('RPC server facing malformed frames', () => {
  const bed = useRpcTestBed();
  const sockets: TLSSocket[] = [];
  let disconnects: number;

  afterEach(() => sockets.splice(0).forEach((socket) => socket.destroy()));

  async function rawConnection(): Promise<TLSSocket> {
    disconnects = 0;
    const { port } = await bed().server({ handlers: { echo: (_context, args) => args }, onDisconnect: () => void disconnects++ });
    const socket = connect({ host: HOST, port, ca: bed().ca.certPem });
    sockets.push(socket);
    await once(socket, 'secureConnect');
    return socket;
  }

  async function responses(socket: TLSSocket, count: number): Promise<unknown[]> {
    const decoder = new FrameDecoder();
    const received: unknown[] = [];
    for await (const chunk of socket) {
      received.push(...decoder.push(chunk as Buffer).map(decodeFrameBody));
      if (received.length >= count) return received;
    }
    return received;
  }

  it('answers a request without an op by its id, and goes on serving', async () => {
    const socket = await rawConnection();
    socket.write(Buffer.concat([frame('{"id":7,"args":1}'), frame('{"id":8,"op":"echo","args":"ok"}')]));
    expect(await responses(socket, 2)).to.deep.equal([
      { id: 7, error: { code: 'CKR_ARGUMENTS_BAD', message: 'a request needs a non-empty string op' } },
      { id: 8, result: 'ok' },
    ]);
  });

  for (const [what, bytes] of [
    ['bad JSON', frame('{"id":1,')],
    ['a request without an id', frame('{"op":"echo"}')],
    ['a header announcing more than 16 MiB', Buffer.from([0x01, 0x00, 0x00, 0x01])],
  ] as const) {
    it(`closes the connection on ${what}, calling onDisconnect once`, async () => {
      expect(bytes.readUInt32BE(0) > MAX_FRAME_BYTES || bytes.length < 100).to.equal(true);
      const socket = await rawConnection();
      socket.write(bytes);
      socket.resume();
      await once(socket, 'close');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(disconnects).to.equal(1);
    });
  }
});
