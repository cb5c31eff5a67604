// Faults an HSM node applies to itself (DESIGN decision 8), on real node processes: its listeners
// (partition, latency), its engine (a CKR error), its request rate (busy), a password changed behind
// KMS's back, and the fleet sending the faults again when the node restarts.

import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActiveNodeFault } from '../../../../hsm-sim/faults/node-fault.types';
import { HSM_BUSY_CODE } from '../../../../hsm-sim/faults/node-fault.types';
import { tlsClientOptions } from '../../../../hsm-sim/node/certificates';
import type { KeyView } from '../../../../hsm-sim/node/node.types';
import { RpcClient } from '../../../../hsm-sim/protocol';
import { waitFor } from '../../../e2e/support/wait-for';
import { expectNodeError } from '../../../support/expect-error';
import { NodeCluster, type ClusterMember } from '../../../support/node-cluster';

const KMSUSER = { role: 'CU', username: 'kmsuser', password: 'kmsPswd' } as const;

describe('HSM node faults: network, engine, busy and password drift on real node processes', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;
  let member: ClusterMember;
  let keyHandle: number;
  /** Each test's own clients, closed after it so that kmsuser's logins do not outlive the test. */
  let clients: RpcClient[] = [];

  /** Sets the node's faults through the fleet and waits until the node has applied them (its log says so). */
  async function setFaults(faults: readonly ActiveNodeFault[]): Promise<void> {
    const before = appliedCount();
    cluster.fleet.setFaults(member.hsmId, faults);
    await waitFor('the node to apply its faults', async () => (appliedCount() > before ? true : undefined), 10_000, 20);
  }

  function appliedCount(): number {
    const log = readFileSync(join(member.directory, 'node.log'), 'utf8');
    return log.split('\n').filter((line) => line.includes('"event":"faults"')).length;
  }

  async function kmsuserOnCrypto(options: { requestTimeoutMs?: number } = {}): Promise<RpcClient> {
    const client = await connect(5_000, options.requestTimeoutMs);
    await client.call('login', KMSUSER);
    return client;
  }

  async function connect(connectTimeoutMs: number, requestTimeoutMs?: number): Promise<RpcClient> {
    const tls = tlsClientOptions(cluster.hardwareCa.certPem);
    const client = await RpcClient.connect({ host: member.host, port: member.crypto, tls, connectTimeoutMs, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });
    clients.push(client);
    return client;
  }

  const encryptArgs = () => ({ handle: keyHandle, iv: randomBytes(12), plaintext: Buffer.from('faulty') });
  const failureCode = (promise: Promise<unknown>): Promise<string> => promise.then(() => 'succeeded', (error: { code: string }) => error.code);
  const fault = (body: Record<string, unknown>): ActiveNodeFault => ({ faultId: `f-${randomBytes(3).toString('hex')}`, seed: 1, ...body }) as ActiveNodeFault;

  before(async () => {
    cluster = await NodeCluster.start(1);
    member = cluster.members[0]!;
    await cluster.activate();
    await cluster.createUser(KMSUSER);
    const crypto = await kmsuserOnCrypto();
    keyHandle = (await crypto.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'faulty', encrypt: true, decrypt: true } })).handle;
    await crypto.call('logout');
  });
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    clients = [];
    if (cluster?.fleet.info(member.hsmId).state === 'running' && cluster.fleet.faultsOf(member.hsmId).length > 0) await setFaults([]);
  });
  after(() => cluster?.stop());

  it('partition refuse: open and new crypto connections are reset at once; heal restores them', async () => {
    const open = await kmsuserOnCrypto();
    await setFaults([fault({ kind: 'network-partition', mode: 'refuse' })]);
    expect(await failureCode(open.call('encrypt', encryptArgs()))).to.equal('CLOSED');
    const started = Date.now();
    expect(await failureCode(connect(5_000))).to.equal('ECONNRESET');
    expect(Date.now() - started).to.be.below(2_000);

    await setFaults([]);
    const again = await kmsuserOnCrypto();
    expect(await again.call<Buffer>('encrypt', encryptArgs())).to.have.length.greaterThan(16);
  });

  it('partition blackhole: an open connection gets no answer and a new one no handshake', async () => {
    const open = await kmsuserOnCrypto({ requestTimeoutMs: 400 });
    await setFaults([fault({ kind: 'network-partition', mode: 'blackhole' })]);
    expect(await failureCode(open.call('encrypt', encryptArgs()))).to.equal('ETIMEDOUT');
    expect(await failureCode(connect(400))).to.equal('ETIMEDOUT');

    await setFaults([]);
    const again = await kmsuserOnCrypto();
    expect(await again.call<Buffer>('encrypt', encryptArgs())).to.have.length.greaterThan(16);
  });

  it('network latency of 200 ms adds at least 200 ms to each round trip', async () => {
    const client = await kmsuserOnCrypto();
    await setFaults([fault({ kind: 'network-latency', ms: 200, jitterMs: 20 })]);
    for (let round = 0; round < 2; round += 1) {
      const started = performance.now();
      await client.call('encrypt', encryptArgs());
      expect(performance.now() - started).to.be.at.least(200);
    }
    const started = performance.now();
    await Promise.all([1, 2, 3].map(() => client.call('encrypt', encryptArgs())));
    // pipelined frames wait their delays side by side, not one after another
    expect(performance.now() - started).to.be.within(200, 550);
  });

  it('engine-error CKR_DEVICE_ERROR with probability 1 fails encrypt with that code', async () => {
    const client = await kmsuserOnCrypto();
    await setFaults([fault({ kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 1, operations: ['encrypt'] })]);
    await expectNodeError(client.call('encrypt', encryptArgs()), 'CKR_DEVICE_ERROR');
    await setFaults([]);
    expect(await client.call<Buffer>('encrypt', encryptArgs())).to.have.length.greaterThan(16);
  });

  it('hsm-busy at 1/s answers the second key operation within a second with the busy code; login still passes', async () => {
    const client = await connect(5_000);
    await setFaults([fault({ kind: 'hsm-busy', opsPerSecond: 1 })]);
    await client.call('login', KMSUSER);
    await client.call('encrypt', encryptArgs());
    const error = await expectNodeError(client.call('encrypt', encryptArgs()), HSM_BUSY_CODE);
    expect(error.message).to.match(/^The HSM is busy/);
  });

  it('changes kmsuser password only once it is logged out; the old password then fails', async () => {
    const client = await kmsuserOnCrypto();
    const refused = await cluster.fleet.changeUserPassword(member.hsmId, 'kmsuser', 'drifted-pass');
    expect(refused.changed).to.equal(false);
    expect(refused).to.have.property('reason').that.matches(/logged in/);
    expect(await cluster.fleet.changeUserPassword(member.hsmId, 'nobody', 'drifted-pass')).to.include({ changed: false });

    await client.call('logout');
    // the previous test's connections may still be closing on the node's side
    const changed = await waitFor('kmsuser to be logged out everywhere', async () => {
      const outcome = await cluster.fleet.changeUserPassword(member.hsmId, 'kmsuser', 'drifted-pass');
      return outcome.changed || !outcome.reason.includes('logged in') ? outcome : undefined;
    }, 5_000, 50);
    expect(changed).to.deep.equal({ changed: true });
    const fresh = await connect(5_000);
    await expectNodeError(fresh.call('login', KMSUSER), 'CKR_PIN_INCORRECT');
    await fresh.call('login', { ...KMSUSER, password: 'drifted-pass' });
    await fresh.call('logout');
    expect(await cluster.fleet.changeUserPassword(member.hsmId, 'kmsuser', KMSUSER.password)).to.deep.equal({ changed: true });
  });

  it('sends the faults again when the node starts again after a crash', async () => {
    await setFaults([fault({ kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 1, operations: ['encrypt'] })]);
    const before = appliedCount();
    await cluster.fleet.kill(member.hsmId);
    await cluster.restart(member);
    await waitFor('the restarted node to apply its faults', async () => (appliedCount() > before ? true : undefined), 10_000, 20);
    const client = await kmsuserOnCrypto();
    await expectNodeError(client.call('encrypt', encryptArgs()), 'CKR_DEVICE_ERROR');
  });
});
