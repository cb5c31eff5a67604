// The engine decorator on the in-memory engine: engine-error fails the chosen operations with the CKR
// code, engine-latency slows them, and with no fault every call passes through unchanged.

import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { FaultInjectingEngine } from '../../../../hsm-sim/engine/fault-injecting-engine';
import type { HsmSession } from '../../../../hsm-sim/engine/hsm-engine.port';
import type { KeyHandle } from '../../../../hsm-sim/engine/hsm-engine.types';
import { InMemoryEngine, InMemoryTokenStore } from '../../../../hsm-sim/engine/in-memory';
import { EngineFaultInjector } from '../../../../hsm-sim/faults/engine-fault-injector';
import { NodeFaultControls } from '../../../../hsm-sim/faults/node-fault-controls';
import { expectHsmError } from '../../../support/expect-error';

describe('fault-injecting engine', () => {
  let faults: EngineFaultInjector;
  let session: HsmSession;
  let key: KeyHandle;
  const gcm = () => ({ name: 'AES-GCM' as const, iv: randomBytes(12), tagBits: 128 as const });

  beforeEach(async () => {
    faults = new EngineFaultInjector();
    const engine = new FaultInjectingEngine(new InMemoryEngine(new InMemoryTokenStore()), faults);
    await engine.initToken({ label: 'node', soPin: 'so-pin-1', userPin: 'user-pin-1' });
    session = await engine.openSession('node');
    await session.login('user-pin-1');
    key = await session.generateKey({ type: 'AES', bits: 256 }, { token: false, encrypt: true, decrypt: true });
  });

  it('passes every call through with no fault', async () => {
    const mechanism = gcm();
    const sealed = await session.encrypt(key, mechanism, Buffer.from('hello'));
    expect((await session.decrypt(key, mechanism, sealed)).toString()).to.equal('hello');
  });

  it('fails the chosen operations with the fault CKR code, and only those', async () => {
    faults.set([{ kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 1, operations: ['encrypt'], faultId: 'e-1', seed: 3 }]);
    const error = await expectHsmError(session.encrypt(key, gcm(), Buffer.from('hello')), 'CKR_DEVICE_ERROR');
    expect(error.operation).to.equal('encrypt');
    expect((await session.random(8)).length).to.equal(8);
    faults.set([]);
    expect((await session.encrypt(key, gcm(), Buffer.from('hello'))).length).to.be.greaterThan(5);
  });

  it('fails every operation when no operations are named', async () => {
    faults.set([{ kind: 'engine-error', ckr: 'CKR_DEVICE_MEMORY', probability: 1, faultId: 'e-1', seed: 3 }]);
    await expectHsmError(session.random(8), 'CKR_DEVICE_MEMORY');
    await expectHsmError(session.findKeys(), 'CKR_DEVICE_MEMORY');
  });

  it('adds the latency to the chosen operations', async () => {
    faults.set([{ kind: 'engine-latency', ms: 60, operations: ['random'], faultId: 'l-1', seed: 0 }]);
    const started = Date.now();
    await session.random(8);
    expect(Date.now() - started).to.be.at.least(59);
  });

  it('leaves out, and reports, faults that break the rules', () => {
    const controls = new NodeFaultControls();
    const result = controls.apply([
      { kind: 'engine-error', ckr: 'DEVICE_ERROR', probability: 1, faultId: 'bad-ckr', seed: 1 },
      { kind: 'engine-latency', ms: 5, operations: ['teleport'], faultId: 'bad-op', seed: 1 },
      { kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 0.5, operations: ['encrypt', 'sign'], faultId: 'good', seed: 1 },
    ]);
    expect(result.applied).to.deep.equal(['good']);
    expect(result.rejected.map((entry) => entry.faultId)).to.deep.equal(['bad-ckr', 'bad-op']);
    expect(controls.engine.active).to.equal(true);
    expect(controls.network.active).to.equal(false);
  });
});
