// A node port holds a bounded number of connections, and lets go of the ones that never speak: a TCP
// connection that never completes TLS, and a TLS connection that never sends a frame.

import { expect } from 'chai';
import { once } from 'node:events';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { HANDSHAKE_TIMEOUT_MS, MAX_CONNECTIONS_PER_PORT } from '../../../../hsm-sim/protocol/rpc-server';
import { HOST, useRpcTestBed } from './rpc-test-bed';

async function tcp(port: number): Promise<Socket> {
  const socket = connectTcp({ host: HOST, port });
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/** Resolves with how long the server took to close the socket, or rejects after `withinMs`. */
async function closedWithin(socket: Socket, withinMs: number): Promise<number> {
  const started = Date.now();
  socket.resume();
  if (socket.destroyed) return 0;
  await Promise.race([once(socket, 'close'), new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`still open after ${withinMs} ms`)), withinMs))]);
  return Date.now() - started;
}

describe('RPC server connection limits (aws-behaviour 8.2)', () => {
  const bed = useRpcTestBed();
  const sockets: Socket[] = [];
  afterEach(() => sockets.splice(0).forEach((socket) => socket.destroy()));

  it('defaults to 900 connections a port and a 30 s handshake', () => {
    expect(MAX_CONNECTIONS_PER_PORT).to.equal(900);
    expect(HANDSHAKE_TIMEOUT_MS).to.equal(30_000);
  });

  it('closes the connection over the limit at once, and takes new ones when others leave', async () => {
    const { port, server } = await bed().server({ maxConnections: 3, handlers: { echo: (_context, args) => args } });
    for (let index = 0; index < 3; index += 1) sockets.push(await tcp(port));
    const fourth = await tcp(port);
    sockets.push(fourth);
    expect(await closedWithin(fourth, 2000)).to.be.below(2000);
    sockets.shift()!.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const client = await bed().client(port);
    expect(await client.call('echo', 'still serving')).to.equal('still serving');
    expect(server.connections).to.equal(1);
  });

  it('closes a TCP connection that never starts TLS after the handshake timeout', async () => {
    const { port } = await bed().server({ handshakeTimeoutMs: 150 });
    const silent = await tcp(port);
    sockets.push(silent);
    expect(await closedWithin(silent, 3000)).to.be.within(100, 3000);
  });

  it('closes a TLS connection that never sends a frame, and keeps one that has spoken', async () => {
    const { port } = await bed().server({ silentTimeoutMs: 150, handlers: { echo: (_context, args) => args } });
    const silent = connectTls({ host: HOST, port, ca: bed().ca.certPem });
    silent.on('error', () => undefined);
    sockets.push(silent);
    await once(silent, 'secureConnect');
    const speaking = await bed().client(port);
    expect(await speaking.call('echo', 1)).to.equal(1);
    expect(await closedWithin(silent, 3000)).to.be.within(100, 3000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await speaking.call('echo', 2)).to.equal(2);
  });
});
