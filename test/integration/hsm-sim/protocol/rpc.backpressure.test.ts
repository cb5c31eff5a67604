// A client that pipelines requests and does not read the answers is paused: the server stops reading
// once 1,024 requests wait or 1 MiB of answers lies unread, so TCP pushes back on the client instead of
// the server's memory growing; everything is answered once the client reads.

import { expect } from 'chai';
import { once } from 'node:events';
import { connect, type TLSSocket } from 'node:tls';
import { decodeFrameBody, FrameDecoder } from '../../../../hsm-sim/protocol';
import { HOST, useRpcTestBed } from './rpc-test-bed';

const REQUESTS = 20_000;

function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

describe('RPC server backpressure on a client that does not read', function () {
  this.timeout(30_000);
  const bed = useRpcTestBed();
  const sockets: TLSSocket[] = [];
  afterEach(() => sockets.splice(0).forEach((socket) => socket.destroy()));

  it(`stops reading a client that sends ${REQUESTS} requests for 4 KiB answers without reading, then answers them all`, async () => {
    let handled = 0;
    const { port } = await bed().server({
      handlers: {
        fill: () => {
          handled += 1;
          return Buffer.alloc(4096, 1);
        },
      },
    });
    const socket = connect({ host: HOST, port, ca: bed().ca.certPem });
    sockets.push(socket);
    await once(socket, 'secureConnect');
    socket.pause();
    socket.write(Buffer.concat(Array.from({ length: REQUESTS }, (_, id) => frame({ id, op: 'fill' }))));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // 20,000 answers of 4 KiB are 80 MiB; unread, the server has made only what fits its bounds (and TCP's buffers).
    expect(handled, 'requests handled while the client read nothing').to.be.below(REQUESTS / 4);
    const decoder = new FrameDecoder();
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      answered += decoder.push(chunk).map(decodeFrameBody).length;
    });
    socket.resume();
    const deadline = Date.now() + 20_000;
    while (answered < REQUESTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).to.equal(REQUESTS);
  });
});
