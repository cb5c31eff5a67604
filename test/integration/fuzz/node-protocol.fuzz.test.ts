// Fuzz door: the node protocol behind ports 2223-2225 of a real HSM process. Random byte streams, TLS or
// not, frames of any length, JSON of any shape, real operation names with random arguments, logged in
// or not, half-closed connections. Contract: each well-framed request with an id gets a response with
// that id (a result or an error whose code is a CKR name and whose message carries no stack trace and no
// file path); a stream the server cannot read is closed, never left hanging; and the node keeps serving.

import { expect } from 'chai';
import fc from 'fast-check';
import { once } from 'node:events';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { tlsClientOptions } from '../../../hsm-sim/node/certificates';
import { decodeFrameBody, FrameDecoder, MAX_FRAME_BYTES } from '../../../hsm-sim/protocol';
import { MANAGEMENT_PORT_OPERATIONS, CRYPTO_PORT_OPERATIONS } from '../../../hsm-sim/server/port-operations';
import { fuzzParameters, fuzzRuns, fuzzTimeout } from '../../support/fuzz-settings';
import { ADMIN, type ClusterMember, type Credentials, NodeCluster } from '../../support/node-cluster';

const RUNS = 1000;
const ANSWER_TIMEOUT_MS = 5000;
const PROBE_ID = 2 ** 40;
const CRYPTO_USER: Credentials = { role: 'CU', username: 'fuzzcu', password: 'Fuzz-pass1' };
/** Operations that change who the connection is logged in as; kept out of the logged-in cases. */
const SESSION_CHANGING = new Set(['login', 'logout', 'completeTwoFactorLogin', 'changePassword', 'deleteUser', 'changeTwoFactor']);
const OPERATIONS = [...new Set([...Object.keys(CRYPTO_PORT_OPERATIONS), ...Object.keys(MANAGEMENT_PORT_OPERATIONS)])];
const STACK_OR_PATH = /\n\s+at |\/work\/|node_modules|\.[jt]s:\d|\/tmp\/|\/dev\/shm/;

type Port = 'crypto' | 'sync' | 'management';

function frame(body: Buffer | string): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([header, bytes]);
}

/** Argument values: right-looking names with values of any type, buffers as the codec writes them. */
const argumentValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('CU', 'CO', 'PRECO', 'AU', 'admin', 'fuzzcu', 'AES', 'RSA', 'EC', 'AES_GCM', '', 'x'.repeat(5000)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ $b64: Buffer.from(bytes).toString('base64') })),
  fc.constant({ $b64: '!!not base64!!' }),
  fc.jsonValue({ maxDepth: 3 }),
);
const argumentsObject = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom('username', 'role', 'password', 'label', 'handle', 'keyHandle', 'keyType', 'bits', 'mechanism', 'data', 'iv', 'aad', 'attributes', 'filter', 'length', 'token', 'otp', 'users'), argumentValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** One well-framed request: a real or made-up operation, random arguments, an id or something that is not one. */
const request = fc.record({
  id: fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 1_000_000 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, '7', null, 2 ** 60) }),
  op: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OPERATIONS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '') }),
  args: argumentsObject,
});

function isUsableId(id: unknown): boolean {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

/** Pieces of a stream: good requests, bad JSON, bad UTF-8, non-object JSON, lying or huge length headers. */
const piece = fc.oneof(
  // A request without a usable id cannot be answered: the server closes the connection (rpc-messages.ts).
  { weight: 10, arbitrary: request.map((message) => ({ bytes: frame(JSON.stringify(message)), closes: !isUsableId(message.id), answers: isUsableId(message.id) ? 1 : 0 })) },
  { weight: 1, arbitrary: fc.constantFrom('{"id":1,', '[1,2]', '"text"', '42', 'null', '').map((body) => ({ bytes: frame(body), closes: true, answers: 0 })) },
  { weight: 1, arbitrary: fc.constantFrom('{"id":3}', '{"id":3,"op":""}', '{"id":3,"op":7}').map((body) => ({ bytes: frame(body), closes: false, answers: 1 })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ bytes: frame(Buffer.concat([Buffer.from('{"id":5,"op":"'), Buffer.from(bytes), Buffer.from([0xff, 0xfe])])), closes: true, answers: 0 })) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_FRAME_BYTES + 1, max: 0xffff_ffff }).map((size) => ({ bytes: Buffer.from([size >>> 24, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff]), closes: true, answers: 0 })) },
);

/** A connection the test reads frame by frame. */
class RawConnection {
  private readonly decoder = new FrameDecoder();
  private readonly frames: unknown[] = [];
  private waiting: (() => void) | undefined;
  closed = false;
  undecodable = false;

  constructor(readonly socket: Socket) {
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.frames.push(...this.decoder.push(chunk).map(decodeFrameBody));
      } catch {
        this.undecodable = true;
      }
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  /** The next frame, 'closed', or 'timeout'. */
  async next(timeoutMs = ANSWER_TIMEOUT_MS): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.closed) return 'closed';
      const left = deadline - Date.now();
      if (left <= 0) return 'timeout';
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = undefined;
    }
    return this.frames.shift();
  }

  async waitClosed(timeoutMs = ANSWER_TIMEOUT_MS): Promise<boolean> {
    for (;;) {
      const answer = await this.next(timeoutMs);
      if (answer === 'closed') return true;
      if (answer === 'timeout') return false;
    }
  }
}

/** The op of the sent request with this id, for reports. */
function operationOf(pieces: ReadonlyArray<{ bytes: Buffer }>, id: number): string {
  for (const part of pieces) {
    try {
      const message = JSON.parse(part.bytes.subarray(4).toString('utf8')) as { id?: unknown; op?: unknown; args?: unknown };
      if (message.id === id) return `${String(message.op)}(${JSON.stringify(message.args).slice(0, 80)})`;
    } catch {
      // Not JSON: not the one.
    }
  }
  return '?';
}

/** Why a response frame is not one the protocol allows, or undefined. */
function responseProblem(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return `not an object: ${JSON.stringify(response)}`;
  const { id, error } = response as { id?: unknown; error?: { code?: unknown; message?: unknown } };
  if (!Number.isSafeInteger(id)) return `no id: ${JSON.stringify(response)}`;
  if (error === undefined) return undefined;
  if (typeof error.code !== 'string' || !/^CKR_[A-Z_]+$|^[A-Z][A-Z_]+$/.test(error.code)) return `bad error code: ${JSON.stringify(error)}`;
  if (typeof error.message !== 'string') return `no message: ${JSON.stringify(error)}`;
  if (STACK_OR_PATH.test(error.message)) return `stack trace or path in: ${error.message}`;
  return undefined;
}

describe('fuzz door: the node protocol on ports 2223-2225 (a real HSM process)', function () {
  this.timeout(fuzzTimeout(RUNS, 60, 120_000));
  let cluster: NodeCluster;
  let member: ClusterMember;
  let trustAnchorPem: string;
  const generalErrors: string[] = [];

  before(async () => {
    cluster = await NodeCluster.start(1);
    member = cluster.members[0]!;
    trustAnchorPem = cluster.hardwareCa.certPem;
    await cluster.activate();
    await cluster.createUser(CRYPTO_USER);
  });
  after(() => cluster?.stop());

  async function tls(port: Port): Promise<RawConnection> {
    const socket = connectTls({ host: member.host, port: member[port], ...tlsClientOptions(trustAnchorPem) });
    const connection = new RawConnection(socket);
    await Promise.race([once(socket, 'secureConnect'), once(socket, 'close')]);
    return connection;
  }

  async function loggedIn(port: 'crypto' | 'management', user: Credentials): Promise<RawConnection> {
    const connection = await tls(port);
    connection.socket.write(frame(JSON.stringify({ id: 0, op: 'login', args: user })));
    const answer = (await connection.next()) as { result?: unknown; error?: unknown };
    expect(answer, 'login').to.have.property('id', 0);
    expect(answer.error, 'login').to.equal(undefined);
    return connection;
  }

  /** Sends the pieces and a probe; checks every answer; returns once the probe is answered or the server closed. */
  async function exercise(connection: RawConnection, pieces: ReadonlyArray<{ bytes: Buffer; closes: boolean; answers: number }>, endAfter: boolean): Promise<void> {
    const untilClose = pieces.findIndex((part) => part.closes);
    const sent = untilClose < 0 ? pieces : pieces.slice(0, untilClose + 1);
    connection.socket.write(Buffer.concat([...sent.map((part) => part.bytes), untilClose < 0 ? frame(JSON.stringify({ id: PROBE_ID, op: 'hsmInfo', args: {} })) : Buffer.alloc(0)]));
    if (endAfter) connection.socket.end();
    const expected = sent.filter((part) => !part.closes).reduce((sum, part) => sum + part.answers, 0) + (untilClose < 0 ? 1 : 0);
    for (let index = 0; index < expected; index += 1) {
      const answer = await connection.next();
      if (answer === 'closed' && (untilClose >= 0 || endAfter)) return;
      expect(answer, 'an answer that never came').not.to.be.oneOf(['timeout', 'closed']);
      const problem = responseProblem(answer);
      expect(problem, problem).to.equal(undefined);
      const error = (answer as { error?: { code: string; message: string } }).error;
      if (error?.code === 'CKR_GENERAL_ERROR') generalErrors.push(`${operationOf(sent, (answer as { id: number }).id)}: ${error.message}`);
    }
    if (untilClose >= 0 || endAfter) expect(await connection.waitClosed(), 'a connection the server could not read stayed open').to.equal(true);
    expect(connection.undecodable, 'a response that was not a frame').to.equal(false);
  }

  it(`answers or closes ${Math.round(fuzzRuns(RUNS) * 0.6)} random streams on fresh connections, and keeps serving`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Port>('crypto', 'management', 'sync'), fc.array(piece, { minLength: 1, maxLength: 6 }), fc.boolean(), async (port, pieces, endAfter) => {
        const connection = await tls(port);
        try {
          if (connection.closed) return; // The sync port wants a client certificate: refused at the handshake.
          await exercise(connection, pieces, endAfter);
        } finally {
          connection.socket.destroy();
        }
      }),
      fuzzParameters(RUNS, 0.6),
    );
  });

  it(`answers ${Math.round(fuzzRuns(RUNS) * 0.4)} random requests of logged-in crypto users and COs with errors, never a crash`, async () => {
    const sessions = { crypto: await loggedIn('crypto', CRYPTO_USER), management: await loggedIn('management', ADMIN) };
    const sessionPiece = piece.filter((part) => {
      if (part.closes) return false;
      const op = (JSON.parse(part.bytes.subarray(4).toString('utf8')) as { op?: unknown }).op;
      return typeof op !== 'string' || !SESSION_CHANGING.has(op);
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom<'crypto' | 'management'>('crypto', 'management'), fc.array(sessionPiece, { minLength: 1, maxLength: 4 }), async (port, pieces) => {
          await exercise(sessions[port], pieces, false);
        }),
        fuzzParameters(RUNS, 0.4),
      );
    } finally {
      Object.values(sessions).forEach((session) => session.socket.destroy());
    }
  });

  it('closes raw TCP garbage on every port (no TLS), and half-closed connections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Port>('crypto', 'management', 'sync'), fc.uint8Array({ minLength: 1, maxLength: 2048 }), async (port, bytes) => {
        const socket = connectTcp({ host: member.host, port: member[port] });
        const connection = new RawConnection(socket);
        await Promise.race([once(socket, 'connect'), once(socket, 'close')]);
        socket.end(bytes);
        expect(await connection.waitClosed(), 'garbage left the connection open').to.equal(true);
      }),
      fuzzParameters(RUNS, 0.1),
    );
  });

  it('is still alive and serving after all of it, with no handler failing on bad input', async () => {
    const client = await cluster.loggedIn(member, 'management', ADMIN);
    expect(await client.call('hsmInfo', {})).to.be.an('object');
    expect(generalErrors.slice(0, 40), 'CKR_GENERAL_ERROR: a handler failed on input it should have refused').to.deep.equal([]);
  });
});
