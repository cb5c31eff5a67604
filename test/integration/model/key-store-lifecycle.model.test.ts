// Concurrency against a model: random sequences of store and key lifecycle calls - connect, disconnect,
// update, delete and create the store; create, enable, disable and use keys (Encrypt), schedule and
// cancel their deletion, let waiting
// periods end (POST /_sim/clock/advance); create and delete HSMs - some of them in parallel batches
// (Promise.all), against a whole simulator (in-memory engine, time scale 0). Every answer must be one
// some serial order of the batch gives in the reference model (key-store.model.ts), never a 5xx; after
// every step the store, the keys, the HSMs, the backing keys in every HSM and KMS's kmsuser sessions must
// be what the model says.

import { expect } from 'chai';
import type { ConnectionState } from '../../../src/kms/custom-key-stores/domain/custom-key-store.states';
import fc from 'fast-check';
import { fuzzParameters, fuzzRuns } from '../../support/fuzz-settings';
import { type Answer, KeyStoreDriver } from './key-store.driver';
import { type BatchCall, type BatchResult, endWaitingPeriods, explore, type ModelState, nameNewKeys, visibleKeyState } from './key-store.model';

const SEQUENCES_PER_1000_RUNS = 0.1;
const MAX_COMMANDS = 8;
const BACKING_KEY_WAIT_MS = 5000;
const UNKNOWN_KEY = '00000000-0000-4000-8000-000000000000';

interface ModelBox {
  model: ModelState;
}

type CallSpec =
  | { readonly kind: 'Connect' | 'Disconnect' | 'DeleteStore' | 'CreateKey' }
  | { readonly kind: 'UpdateName'; readonly suffix: number }
  | { readonly kind: 'ScheduleDeletion' | 'CancelDeletion' | 'EnableKey' | 'DisableKey' | 'Encrypt'; readonly pick: number };

function resolve(spec: CallSpec, model: ModelState): BatchCall {
  if (spec.kind === 'UpdateName') return { kind: 'UpdateName', name: `model-name-${spec.suffix}` };
  if ('pick' in spec) {
    const candidates = [...Object.keys(model.keys), ...model.deleted, UNKNOWN_KEY];
    return { kind: spec.kind, keyId: candidates[spec.pick % candidates.length]! };
  }
  return { kind: spec.kind };
}

function describeCall(call: BatchCall): string {
  return 'keyId' in call ? `${call.kind}(${call.keyId.slice(0, 8)})` : 'name' in call ? `${call.kind}(${call.name})` : call.kind;
}

/** Checks the simulator against the model; `keys`: the keys whose state to read (all when undefined). */
async function verify(driver: KeyStoreDriver, model: ModelState, keys?: readonly string[]): Promise<void> {
  await driver.settle();
  const [stores, hsms] = await Promise.all([driver.stores(), driver.hsms()]);
  expect(stores.map(({ id, state, name }) => ({ id, state, name })), 'the custom key store').to.deep.equal(model.store ? [model.store] : []);
  expect(hsms.filter((hsm) => hsm.state === 'ACTIVE').map((hsm) => hsm.id).sort(), 'the ACTIVE HSMs').to.deep.equal(model.hsms.map((hsm) => hsm.id).sort());
  const checked = keys ?? [...Object.keys(model.keys), ...model.deleted];
  const states = await Promise.all(checked.map(async (keyId) => [keyId, await driver.keyState(keyId)] as const));
  for (const [keyId, state] of states) {
    const expected = model.keys[keyId] === undefined ? 'NotFoundException' : visibleKeyState(model, model.keys[keyId]);
    expect(state, `DescribeKey ${keyId}`).to.equal(expected);
  }
  // Every KMS key of the store has its backing key on every HSM, and no backing key lacks a KMS key (orphans of 4.3 aside).
  const expectedBacking = Object.keys(model.keys).length + model.orphans;
  const deadline = Date.now() + BACKING_KEY_WAIT_MS;
  let backing = await driver.backingKeys();
  while (Object.values(backing).some((count) => count !== expectedBacking) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    backing = await driver.backingKeys();
  }
  expect(backing, `kmsuser's keys on each HSM (${Object.keys(model.keys).length} KMS keys + ${model.orphans} orphans)`).to.deep.equal(Object.fromEntries(model.hsms.map((hsm) => [hsm.id, expectedBacking])));
  // Never two kmsuser sessions for one store on one HSM; none once the store is not CONNECTED.
  if (model.store) {
    const sessions = driver.kmsUserSessions(model.store.id);
    expect(new Set(sessions).size, `kmsuser sessions ${JSON.stringify(sessions)}`).to.equal(sessions.length);
    if (model.store.state !== 'CONNECTED') expect(sessions, 'kmsuser sessions of a store that is not CONNECTED').to.deep.equal([]);
  }
}

function noServerError(answers: readonly Answer[], calls: readonly string[]): void {
  const failures = answers.flatMap((answer, index) => (answer.serverError ? [`${calls[index]}: ${answer.serverError}`] : []));
  expect(failures, 'a 5xx (or no answer)').to.deep.equal([]);
}

class BatchCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  private described = '';

  constructor(private readonly specs: readonly CallSpec[]) {}

  check(): boolean {
    return true;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    const model = box.model;
    const calls = this.specs.map((spec) => resolve(spec, model));
    this.described = calls.map(describeCall).join(' | ');
    const storeId = model.store?.id ?? model.lastStoreId;
    const answers = await Promise.all(calls.map((call) => driver.run(call, storeId)));
    noServerError(answers, calls.map(describeCall));
    const actual = answers.map((answer) => answer.outcome);
    const possible = explore(model, calls);
    const consistent = possible.filter((result) => result.outcomes.every((outcome, index) => outcome === actual[index]));
    const summary = (results: readonly BatchResult[]): string[] => [...new Set(results.map((result) => result.outcomes.join(', ')))];
    expect(consistent.length, `answers [${actual.join(', ')}] to [${this.described}] from ${JSON.stringify(model.store)}: no serial order gives them; possible: ${JSON.stringify(summary(possible))}`).to.be.greaterThan(0);
    const newKeys = new Map(answers.flatMap((answer, index) => (calls[index]!.kind === 'CreateKey' && answer.keyId ? [[`new:${index}`, answer.keyId] as const] : [])));
    const finals = consistent.map((result) => nameNewKeys(result.final, newKeys));
    const touched = [...new Set([...calls.flatMap((call) => ('keyId' in call ? [call.keyId] : [])), ...newKeys.values()])];
    // Several serial orders may fit the answers; the simulator must be in the final state of one of them.
    const failures: string[] = [];
    for (const candidate of finals) {
      try {
        await verify(driver, candidate, touched);
        box.model = candidate;
        return;
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    expect.fail(`after [${this.described}] answered [${actual.join(', ')}], the simulator is in no state a serial order leaves: ${failures.join(' / ')}`);
  }

  toString(): string {
    return `Batch[${this.described || this.specs.map((spec) => spec.kind).join(' | ')}]`;
  }
}

class CreateStoreCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  check(box: Readonly<ModelBox>): boolean {
    return box.model.store === undefined;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    // KMS rotated kmsuser's password when an earlier store connected: the operator sets a known one first.
    await driver.resetKmsUserPassword();
    const result = await driver.createStore();
    noServerError([result], ['CreateCustomKeyStore']);
    // 2.1: the cluster needs two ACTIVE HSMs in different Availability Zones.
    const expected = new Set(box.model.hsms.map((hsm) => hsm.az)).size >= 2 ? 'ok' : 'CloudHsmClusterInvalidConfigurationException';
    expect(result.outcome, 'CreateCustomKeyStore').to.equal(expected);
    if (result.storeId) {
      const name = (await driver.stores()).find((store) => store.id === result.storeId)?.name ?? '?';
      box.model = { ...box.model, store: { id: result.storeId, state: 'DISCONNECTED', name }, lastStoreId: result.storeId };
    }
    await verify(driver, box.model, []);
  }

  toString(): string {
    return 'CreateCustomKeyStore';
  }
}

/** UpdateCustomKeyStore KeyStorePassword, alone: legal only while DISCONNECTED (3.3), after the operator set that password. */
class UpdatePasswordCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  check(): boolean {
    return true;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    if (box.model.store?.state === 'DISCONNECTED') await driver.resetKmsUserPassword();
    const result = await driver.run({ kind: 'UpdatePassword' }, box.model.store?.id ?? box.model.lastStoreId);
    noServerError([result], ['UpdateCustomKeyStore(KeyStorePassword)']);
    const expected = explore(box.model, [{ kind: 'UpdatePassword' }])[0]!.outcomes[0];
    expect(result.outcome, 'UpdateCustomKeyStore(KeyStorePassword)').to.equal(expected);
    await verify(driver, box.model, []);
  }

  toString(): string {
    return 'UpdatePassword';
  }
}

class CreateHsmCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  constructor(private readonly zonePick: number) {}

  check(box: Readonly<ModelBox>): boolean {
    return box.model.hsms.length < 3;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    const az = driver.zones[this.zonePick % driver.zones.length]!;
    const result = await driver.createHsm(az);
    noServerError([result], ['CreateHsm']);
    expect(result.outcome, 'CreateHsm').to.equal('ok');
    box.model = { ...box.model, hsms: [...box.model.hsms, { id: result.keyId!, az }] };
    await verify(driver, box.model, []);
  }

  toString(): string {
    return `CreateHsm(zone ${this.zonePick})`;
  }
}

class DeleteHsmCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  constructor(private readonly pick: number) {}

  check(box: Readonly<ModelBox>): boolean {
    return box.model.hsms.length > 1;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    const hsm = box.model.hsms[this.pick % box.model.hsms.length]!;
    const result = await driver.deleteHsm(hsm.id);
    noServerError([result], ['DeleteHsm']);
    expect(result.outcome, 'DeleteHsm').to.equal('ok');
    box.model = { ...box.model, hsms: box.model.hsms.filter((other) => other.id !== hsm.id) };
    await verify(driver, box.model, []);
  }

  toString(): string {
    return `DeleteHsm(${this.pick})`;
  }
}

class EndWaitingPeriodsCommand implements fc.AsyncCommand<ModelBox, KeyStoreDriver> {
  check(): boolean {
    return true;
  }

  async run(box: ModelBox, driver: KeyStoreDriver): Promise<void> {
    const pending = Object.entries(box.model.keys).filter(([, state]) => state === 'PendingDeletion').map(([keyId]) => keyId);
    await driver.advanceClock(8);
    box.model = endWaitingPeriods(box.model);
    await verify(driver, box.model, pending);
  }

  toString(): string {
    return 'AdvanceClock(8 days)';
  }
}

const callSpec: fc.Arbitrary<CallSpec> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<CallSpec>({ kind: 'Connect' }, { kind: 'Disconnect' }) },
  { weight: 1, arbitrary: fc.constant<CallSpec>({ kind: 'DeleteStore' }) },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((suffix): CallSpec => ({ kind: 'UpdateName', suffix })) },
  { weight: 3, arbitrary: fc.constant<CallSpec>({ kind: 'CreateKey' }) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('ScheduleDeletion' as const, 'CancelDeletion' as const), fc.nat()).map(([kind, pick]): CallSpec => ({ kind, pick })) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('EnableKey' as const, 'DisableKey' as const, 'Encrypt' as const), fc.nat()).map(([kind, pick]): CallSpec => ({ kind, pick })) },
);

const commands = fc.commands(
  [
    fc.array(callSpec, { minLength: 1, maxLength: 1 }).map((specs) => new BatchCommand(specs)),
    fc.array(callSpec, { minLength: 2, maxLength: 3 }).map((specs) => new BatchCommand(specs)),
    fc.constant(new CreateStoreCommand()),
    fc.constant(new UpdatePasswordCommand()),
    fc.nat().map((pick) => new CreateHsmCommand(pick)),
    fc.nat().map((pick) => new DeleteHsmCommand(pick)),
    fc.constant(new EndWaitingPeriodsCommand()),
  ],
  { maxCommands: MAX_COMMANDS },
);

describe('model test: custom key store and key lifecycles, serial and in parallel (aws-behaviour 2.11, 2.15, 3.2, 3.3, 4.3)', function () {
  const sequences = Math.round(fuzzRuns(1000) * SEQUENCES_PER_1000_RUNS);
  this.timeout(Math.max(300_000, sequences * 5_000));
  let driver: KeyStoreDriver;
  /** The model as the last sequence left it; the next starts from it, after checking every key. */
  let carried: ModelState;

  before(async function () {
    this.timeout(60_000);
    driver = await KeyStoreDriver.start();
    await driver.settle();
    const [stores, hsms, backing] = await Promise.all([driver.stores(), driver.hsms(), driver.backingKeys()]);
    const store = stores[0]!;
    const seedKeys = Object.values(backing)[0]!;
    // The seed preset: a CONNECTED store with one key, two HSMs in two zones.
    expect([stores.length, store.state, seedKeys]).to.deep.equal([1, 'CONNECTED', 1]);
    const keys = await driver.keysOfStore(store.id);
    carried = { store: { ...store, state: store.state as ConnectionState }, lastStoreId: store.id, keys: Object.fromEntries(keys.map((keyId) => [keyId, 'Enabled'])), deleted: [], hsms: hsms.map(({ id, az }) => ({ id, az })), orphans: 0 };
  });

  after(() => driver?.stop());

  it(`runs ${sequences} random sequences of up to ${MAX_COMMANDS} steps, batches of up to 3 parallel calls, with every answer and state as the model says`, async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (sequence) => {
        await verify(driver, carried);
        const box: ModelBox = { model: carried };
        try {
          await fc.asyncModelRun(() => ({ model: box, real: driver }), sequence);
        } finally {
          carried = box.model;
        }
      }),
      { ...fuzzParameters(1000, SEQUENCES_PER_1000_RUNS), endOnFailure: true },
    );
  });
});
