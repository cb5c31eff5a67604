// Plans, JSON or YAML: what a valid plan becomes, and the error a bad one gets (the field, and what is valid).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parsePlanText, readPlanFile, withDuration } from '../../../src/experiments/plan-file.reader';
import { PlanError, validatePlan } from '../../../src/experiments/plan.validator';

const SCENARIOS = join(__dirname, '..', '..', '..', '..', 'fixtures', 'scenarios');

const base = (): Record<string, unknown> => ({
  name: 'unit-plan',
  description: 'a plan for tests',
  durationSeconds: 60,
  target: { customKeyStoreId: 'auto' },
  probe: { operation: 'Encrypt', ratePerSecond: 10, key: 'create' },
  steps: [
    { at: 10, name: 'kill', fault: { kind: 'hsm-kill', target: { hsmId: '${hsms[0].id}' } }, symptom: 's', documentedBy: 'https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html' },
    { at: '20s', heal: 'kill' },
    { at: 25, name: 'made', aws: { service: 'kms', operation: 'CreateKey', input: { CustomKeyStoreId: '${store.id}' } } },
    { at: 30, expect: { keyState: 'Enabled', keyId: '${steps.made.output.KeyMetadata.KeyId}' } },
    { at: 31, 'wait-for': { storeState: 'CONNECTED' }, timeoutSeconds: '2m' },
    { at: 32, 'clock-advance': '7d' },
  ],
});

function problem(change: (plan: Record<string, unknown>) => void): string {
  const plan = base();
  change(plan);
  try {
    validatePlan(plan);
  } catch (error) {
    expect(error).to.be.instanceOf(PlanError);
    return (error as Error).message;
  }
  throw new Error('the plan was accepted');
}

const steps = (plan: Record<string, unknown>): Record<string, unknown>[] => plan.steps as Record<string, unknown>[];

describe('experiment plans: validation', () => {
  it('reads a valid plan with defaults filled in and durations in seconds', () => {
    const plan = validatePlan(base());
    expect(plan.customKeyStoreId).to.equal('auto');
    expect(plan.probe).to.deep.equal({ operation: 'Encrypt', ratePerSecond: 10, plaintextBytes: 32, key: 'create', timeoutSeconds: 10 });
    expect(plan.steps.map((step) => step.action.type)).to.deep.equal(['fault', 'heal', 'aws', 'expect', 'wait-for', 'clock-advance']);
    expect(plan.steps[1]!.at).to.equal(20);
    expect(plan.steps[4]!.action).to.deep.include({ timeoutSeconds: 120 });
    expect(plan.steps[5]!.action).to.deep.equal({ type: 'clock-advance', seconds: 7 * 86_400 });
    expect(plan.steps[0]!.action).to.deep.include({ symptom: 's' });
  });

  it('reads the same plan from YAML as from JSON', () => {
    const yaml = `
name: unit-plan
description: a plan for tests
durationSeconds: 60
target: { customKeyStoreId: auto }
probe: { operation: Encrypt, ratePerSecond: 10, key: create }
steps:
  - at: 10
    name: kill
    fault: { kind: hsm-kill, target: { hsmId: "\${hsms[0].id}" } }
    symptom: s
    documentedBy: https://docs.aws.amazon.com/kms/latest/developerguide/fix-keystore.html
  - { at: 20s, heal: kill }
  - { at: 25, name: made, aws: { service: kms, operation: CreateKey, input: { CustomKeyStoreId: "\${store.id}" } } }
  - { at: 30, expect: { keyState: Enabled, keyId: "\${steps.made.output.KeyMetadata.KeyId}" } }
  - { at: 31, wait-for: { storeState: CONNECTED }, timeoutSeconds: 2m }
  - { at: 32, clock-advance: 7d }
`;
    expect(parsePlanText(yaml, 'yaml')).to.deep.equal(parsePlanText(JSON.stringify(base()), 'json'));
  });

  it('refuses unknown fields, naming them and the valid ones', () => {
    expect(problem((plan) => (plan.probes = {}))).to.equal('plan.probes: is not a known field; valid: name, description, durationSeconds, target, probe, steps, stopWhen');
    expect(problem((plan) => ((plan.probe as Record<string, unknown>).rate = 5))).to.match(/^plan\.probe\.rate: is not a known field; valid: operation, ratePerSecond/);
    expect(problem((plan) => (steps(plan)[1]!.symptom = 'x'))).to.match(/^plan\.steps\[1\]\.symptom: is not a known field; valid: at, name, note, heal$/);
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'network-latency', target: { clusterId: 'c' }, params: { ms: 5, jiter: 1 } }))).to.match(
      /^plan\.steps\[0\]\.fault\.params: network-latency: unknown param "jiter"\. Valid params: ms \(.*; jitterMs \(/,
    );
  });

  it('refuses bad values with what is valid', () => {
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'hsm-kil', target: { hsmId: 'h' } }))).to.match(/^plan\.steps\[0\]\.fault\.kind: "hsm-kil" is not a fault kind; valid: hsm-kill, hsm-hang, /);
    expect(problem((plan) => ((plan.probe as Record<string, unknown>).operation = 'Sign'))).to.equal('plan.probe.operation: "Sign" is not valid; valid: Encrypt, Decrypt, GenerateDataKey');
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'network-partition', target: { clusterId: 'c' }, params: { mode: 'drop' } }))).to.match(/param "mode" must be one of blackhole, refuse, not "drop"/);
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'network-loss', target: { clusterId: 'c' }, params: {} }))).to.match(/params: network-loss: param "probability" is required/);
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'hsm-kill', target: { hsmId: 'h', clusterId: 'c' } }))).to.match(/target: needs exactly one of hsmId, clusterId, availabilityZone$/);
    expect(problem((plan) => (steps(plan)[1]!.at = 'soon'))).to.match(/^plan\.steps\[1\]\.at: "soon" is not seconds >= 0 nor a duration like 90s/);
    expect(problem((plan) => (steps(plan)[1]!.at = 61))).to.match(/at: 61 s is after the plan's durationSeconds \(60\)$/);
    expect(problem((plan) => (steps(plan)[2] = { at: 25, aws: { service: 's3', operation: 'GetObject' } }))).to.match(/aws\.service: "s3" is not valid; valid: kms, cloudhsmv2, cloudtrail$/);
    expect(problem((plan) => (steps(plan)[3] = { at: 30, expect: { keyStatus: 'Enabled' } }))).to.match(/expect: is not a condition; forms: storeState; storeErrorCode; /);
    expect(problem((plan) => (steps(plan)[3] = { at: 30, expect: { storeState: 'CONNECTED', keyId: 'k' } }))).to.match(/expect\.keyId: is not a known field for this form/);
    expect(problem((plan) => (plan.target = { customKeyStoreId: 'my-store' }))).to.match(/^plan\.target\.customKeyStoreId: "my-store" is neither "auto" nor a custom key store id/);
    expect(problem((plan) => delete plan.durationSeconds)).to.equal('plan.durationSeconds: is required (seconds, or a duration like 90s, 15m, 2h, 7d)');
  });

  it('needs exactly one action per step', () => {
    expect(problem((plan) => (steps(plan)[1] = { at: 1 }))).to.match(/^plan\.steps\[1\]: needs exactly one action of fault, heal, heal-all, clock-advance, aws, wait-for, expect \(found none\)$/);
    expect(problem((plan) => (steps(plan)[1] = { at: 1, heal: 'kill', 'heal-all': true }))).to.match(/\(found heal, heal-all\)$/);
  });

  it('checks templates and names: known roots, earlier steps, heal of a fault step', () => {
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'hsm-kill', target: { hsmId: '${hsm[0].id}' } }))).to.match(/"\$\{hsm\[0\]\.id\}" starts with "hsm"; valid: region, store, cluster, hsms, zones, probe, steps$/);
    expect(problem((plan) => (steps(plan)[0]!.fault = { kind: 'hsm-kill', target: { hsmId: '${hsms[0]..id}' } }))).to.match(/is not a path like/);
    expect(problem((plan) => (steps(plan)[3] = { at: 30, expect: { keyState: 'Enabled', keyId: '${steps.later.output.KeyId}' } }))).to.match(/^plan\.steps\[3\]: "\$\{steps\.later\.output\.KeyId\}" refers to no step named "later" before this one$/);
    expect(problem((plan) => (steps(plan)[1] = { at: 20, heal: 'made' }))).to.match(/^plan\.steps\[1\]\.heal: "made" names no fault step before this one; fault steps so far: kill$/);
    expect(problem((plan) => (steps(plan)[2]!.name = 'kill'))).to.match(/name: "kill" is already the name of an earlier step$/);
    const noProbe = problem((plan) => {
      delete plan.probe;
      steps(plan)[3] = { at: 30, expect: { keyState: 'Enabled' } };
    });
    expect(noProbe).to.equal('plan.steps[3]: "${probe.keyId}" needs a probe in the plan');
  });

  it('names the file and the line of a plan that is not JSON or YAML', () => {
    expect(() => parsePlanText('{"name": ', 'json')).to.throw(PlanError, /^not valid JSON: /);
    expect(() => parsePlanText('name: [unclosed', 'yaml')).to.throw(PlanError, /^not valid YAML: .*line 1/);
    expect(() => parsePlanText('name: a\nname: b\n', 'yaml')).to.throw(PlanError, /^not valid YAML: Map keys must be unique/);
  });

  it('validates every shipped scenario', () => {
    const files = readdirSync(SCENARIOS);
    expect(files).to.include.members(['lose-one-hsm.json', 'lose-an-az.json', 'partition-the-cluster.json', 'flaky-network.json', 'slow-hsm.yaml', 'kmsuser-password-drift.json', 'key-deletion-with-cancel.json', 'orphaned-backing-key.json']);
    for (const file of files) expect(() => readPlanFile(join(SCENARIOS, file)), file).to.not.throw();
  });

  it('--duration scales every at, fault durations and maxSeconds, not the simulated clock', () => {
    const plan = validatePlan({ ...base(), stopWhen: { maxSeconds: 120 }, steps: [{ at: 30, fault: { kind: 'hsm-kill', target: { hsmId: 'h' }, durationSeconds: 20 } }, { at: 40, 'clock-advance': '1d' }] });
    const short = withDuration(plan, 15);
    expect(short.durationSeconds).to.equal(15);
    expect(short.steps.map((step) => step.at)).to.deep.equal([7.5, 10]);
    expect(short.steps[0]!.action).to.have.nested.property('fault.durationSeconds', 5);
    expect(short.steps[1]!.action).to.deep.equal({ type: 'clock-advance', seconds: 86_400 });
    expect(short.stopWhen?.maxSeconds).to.equal(30);
  });
});
