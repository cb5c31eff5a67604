// Turns a parsed plan document (JSON or YAML, see plan-file.reader.ts) into an ExperimentPlan, or throws
// a PlanError that names the bad field and what is valid there. Unknown fields are errors: a typo must
// not silently drop a step's meaning.

import { durationSeconds } from './plan-duration';
import { FAULT_KINDS, isFaultKind, type FaultKind } from '../faults/fault-kinds.table';
import { validateParams } from '../faults/fault-params';
import { FaultRequestError } from '../faults/fault-request.error';
import { FAULT_TARGET_FIELDS } from '../faults/fault-target';
import {
  AWS_SERVICES,
  PROBE_OPERATIONS,
  type AwsCall,
  type Condition,
  type ExperimentPlan,
  type FaultBody,
  type PlanStep,
  type ProbePlan,
  type StepAction,
  type StopWhen,
} from './plan.types';
import { pathOf, referenceProblem, templateReferences } from './template.resolver';

export class PlanError extends Error {}

const PLAN_FIELDS = ['name', 'description', 'durationSeconds', 'target', 'probe', 'steps', 'stopWhen'];
const PROBE_FIELDS = ['operation', 'ratePerSecond', 'plaintextBytes', 'key', 'timeoutSeconds'];
const STEP_ACTIONS = ['fault', 'heal', 'heal-all', 'clock-advance', 'aws', 'wait-for', 'expect'];
const STEP_COMMON_FIELDS = ['at', 'name', 'note'];
const FAULT_FIELDS = ['kind', 'target', 'params', 'durationSeconds', 'seed'];
const CALL_FIELDS = ['service', 'operation', 'input'];
const CONDITION_FORMS = ['storeState', 'storeErrorCode', 'keyState (+ keyId)', 'hsmState (+ hsmId)', 'call + errorCode (one or a list)', 'call + path + equals', 'call + succeeds'];
const DEFAULT_WAIT_SECONDS = 60;

type Json = Record<string, unknown>;

export function validatePlan(document: unknown): ExperimentPlan {
  const plan = object(document, 'plan');
  fieldsIn(plan, 'plan', PLAN_FIELDS);
  const name = text(plan.name, 'name');
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) fail('name', `"${name}" must be letters, digits, "-", "_" or "." (it names the report folder)`);
  const duration = positiveSeconds(plan.durationSeconds, 'durationSeconds');
  const probe = plan.probe === undefined ? undefined : probeOf(plan.probe);
  const steps = array(plan.steps ?? [], 'steps').map((step, index) => stepOf(step, `steps[${index}]`, duration));
  checkStepNames(steps, probe !== undefined);
  return {
    name,
    description: plan.description === undefined ? '' : text(plan.description, 'description'),
    durationSeconds: duration,
    customKeyStoreId: targetOf(plan.target),
    ...(probe ? { probe } : {}),
    steps,
    ...(plan.stopWhen === undefined ? {} : { stopWhen: stopWhenOf(plan.stopWhen) }),
  };
}

function targetOf(value: unknown): string {
  if (value === undefined || value === 'auto') return 'auto';
  const target = object(value, 'target');
  fieldsIn(target, 'target', ['customKeyStoreId']);
  const id = text(target.customKeyStoreId, 'target.customKeyStoreId');
  if (id !== 'auto' && !/^cks-[0-9a-z]+$/.test(id)) fail('target.customKeyStoreId', `"${id}" is neither "auto" nor a custom key store id (cks-...)`);
  return id;
}

function probeOf(value: unknown): ProbePlan {
  const probe = object(value, 'probe');
  fieldsIn(probe, 'probe', PROBE_FIELDS);
  const operation = text(probe.operation, 'probe.operation');
  if (!(PROBE_OPERATIONS as readonly string[]).includes(operation)) fail('probe.operation', `"${operation}" is not valid; valid: ${PROBE_OPERATIONS.join(', ')}`);
  const plaintextBytes = probe.plaintextBytes === undefined ? 32 : number(probe.plaintextBytes, 'probe.plaintextBytes');
  // API_Encrypt: Plaintext is 1 to 4096 bytes; API_GenerateDataKey: NumberOfBytes is 1 to 1024.
  const most = operation === 'GenerateDataKey' ? 1024 : 4096;
  if (!Number.isInteger(plaintextBytes) || plaintextBytes < 1 || plaintextBytes > most) fail('probe.plaintextBytes', `${plaintextBytes} is not a whole number from 1 to ${most}`);
  return {
    operation: operation as ProbePlan['operation'],
    ratePerSecond: positive(probe.ratePerSecond, 'probe.ratePerSecond'),
    plaintextBytes,
    key: probe.key === undefined ? 'create' : text(probe.key, 'probe.key'),
    timeoutSeconds: probe.timeoutSeconds === undefined ? 10 : positive(probe.timeoutSeconds, 'probe.timeoutSeconds'),
  };
}

function stepOf(value: unknown, path: string, planDuration: number): PlanStep {
  const step = object(value, path);
  const actions = Object.keys(step).filter((key) => STEP_ACTIONS.includes(key));
  if (actions.length !== 1) fail(path, `needs exactly one action of ${STEP_ACTIONS.join(', ')} (found ${actions.length === 0 ? 'none' : actions.join(', ')})`);
  const action = actions[0]!;
  const extra = action === 'fault' ? ['symptom', 'documentedBy'] : action === 'wait-for' ? ['timeoutSeconds'] : [];
  fieldsIn(step, path, [...STEP_COMMON_FIELDS, action, ...extra]);
  const at = seconds(step.at, `${path}.at`);
  if (at > planDuration) fail(`${path}.at`, `${at} s is after the plan's durationSeconds (${planDuration})`);
  const name = step.name === undefined ? undefined : text(step.name, `${path}.name`);
  if (name !== undefined && !/^[A-Za-z_][\w-]*$/.test(name)) fail(`${path}.name`, `"${name}" must be a word (letters, digits, "_", "-") to be usable in \${steps.${name}...}`);
  return {
    at,
    ...(name === undefined ? {} : { name }),
    ...(step.note === undefined ? {} : { note: text(step.note, `${path}.note`) }),
    action: actionOf(action, step, path),
  };
}

function actionOf(action: string, step: Json, path: string): StepAction {
  const at = `${path}.${action}`;
  switch (action) {
    case 'fault': {
      const symptom = step.symptom === undefined ? undefined : text(step.symptom, `${path}.symptom`);
      const documentedBy = step.documentedBy === undefined ? undefined : text(step.documentedBy, `${path}.documentedBy`);
      if (documentedBy !== undefined && !/^https:\/\/docs\.aws\.amazon\.com\//.test(documentedBy)) fail(`${path}.documentedBy`, `"${documentedBy}" is not an AWS documentation URL (https://docs.aws.amazon.com/...)`);
      return { type: 'fault', fault: faultOf(step.fault, at), ...(symptom === undefined ? {} : { symptom }), ...(documentedBy === undefined ? {} : { documentedBy }) };
    }
    case 'heal':
      return { type: 'heal', heal: text(step.heal, at) };
    case 'heal-all':
      if (step['heal-all'] !== true) fail(at, 'must be true');
      return { type: 'heal-all' };
    case 'clock-advance':
      return { type: 'clock-advance', seconds: positiveSeconds(step['clock-advance'], at) };
    case 'aws':
      return { type: 'aws', call: callOf(step.aws, at) };
    case 'wait-for':
      return {
        type: 'wait-for',
        condition: conditionOf(step['wait-for'], at),
        timeoutSeconds: step.timeoutSeconds === undefined ? DEFAULT_WAIT_SECONDS : positiveSeconds(step.timeoutSeconds, `${path}.timeoutSeconds`),
      };
    default:
      return { type: 'expect', condition: conditionOf(step.expect, at) };
  }
}

function faultOf(value: unknown, path: string): FaultBody {
  const fault = object(value, path);
  fieldsIn(fault, path, FAULT_FIELDS);
  const kind = text(fault.kind, `${path}.kind`);
  if (!isFaultKind(kind)) fail(`${path}.kind`, `"${kind}" is not a fault kind; valid: ${Object.keys(FAULT_KINDS).join(', ')}`);
  const target = object(fault.target, `${path}.target`);
  fieldsIn(target, `${path}.target`, [...FAULT_TARGET_FIELDS]);
  if (Object.keys(target).length !== 1) fail(`${path}.target`, `needs exactly one of ${FAULT_TARGET_FIELDS.join(', ')}`);
  for (const [field, item] of Object.entries(target)) templated(text(item, `${path}.target.${field}`), `${path}.target.${field}`);
  const given = fault.params === undefined ? {} : object(fault.params, `${path}.params`);
  const templatedParams = Object.entries(given).filter(([, param]) => typeof param === 'string' && templateReferences(param).length > 0);
  for (const [param, item] of templatedParams) templated(item as string, `${path}.params.${param}`);
  // The endpoint's own table and checks; templated params are checked by the endpoint once resolved.
  if (templatedParams.length === 0) {
    try {
      validateParams(kind, FAULT_KINDS[kind as FaultKind].params, given);
    } catch (error) {
      if (error instanceof FaultRequestError) fail(`${path}.params`, error.message);
      throw error;
    }
  }
  return {
    kind,
    target,
    params: given,
    ...(fault.durationSeconds === undefined ? {} : { durationSeconds: positiveSeconds(fault.durationSeconds, `${path}.durationSeconds`) }),
    ...(fault.seed === undefined ? {} : { seed: wholeNumber(fault.seed, `${path}.seed`) }),
  };
}

function callOf(value: unknown, path: string): AwsCall {
  const call = object(value, path);
  fieldsIn(call, path, CALL_FIELDS);
  const service = text(call.service, `${path}.service`);
  if (!(AWS_SERVICES as readonly string[]).includes(service)) fail(`${path}.service`, `"${service}" is not valid; valid: ${AWS_SERVICES.join(', ')}`);
  const operation = text(call.operation, `${path}.operation`);
  if (!/^[A-Z][A-Za-z0-9]+$/.test(operation)) fail(`${path}.operation`, `"${operation}" is not an operation name like CreateKey`);
  const input = call.input === undefined ? {} : object(call.input, `${path}.input`);
  templatedDeep(input, `${path}.input`);
  return { service: service as AwsCall['service'], operation, input };
}

function conditionOf(value: unknown, path: string): Condition {
  const condition = object(value, path);
  const has = (field: string): boolean => condition[field] !== undefined;
  const only = (fields: string[]): void => fieldsIn(condition, path, fields, `for this form (forms: ${CONDITION_FORMS.join('; ')})`);
  if (has('storeState')) {
    only(['storeState']);
    return { storeState: text(condition.storeState, `${path}.storeState`) };
  }
  if (has('storeErrorCode')) {
    only(['storeErrorCode']);
    return { storeErrorCode: text(condition.storeErrorCode, `${path}.storeErrorCode`) };
  }
  if (has('keyState')) {
    only(['keyState', 'keyId']);
    const keyId = condition.keyId === undefined ? '${probe.keyId}' : text(condition.keyId, `${path}.keyId`);
    templated(keyId, `${path}.keyId`);
    return { keyState: text(condition.keyState, `${path}.keyState`), keyId };
  }
  if (has('hsmState')) {
    only(['hsmState', 'hsmId']);
    return { hsmState: text(condition.hsmState, `${path}.hsmState`), hsmId: templated(text(condition.hsmId, `${path}.hsmId`), `${path}.hsmId`) };
  }
  if (has('call')) {
    const call = callOf(condition.call, `${path}.call`);
    if (has('errorCode')) {
      only(['call', 'errorCode']);
      const codes = Array.isArray(condition.errorCode) ? condition.errorCode : [condition.errorCode];
      if (codes.length === 0) fail(`${path}.errorCode`, 'is an empty list');
      codes.forEach((code, index) => text(code, `${path}.errorCode${Array.isArray(condition.errorCode) ? `[${index}]` : ''}`));
      return { call, errorCode: condition.errorCode as string | string[] };
    }
    if (has('path')) {
      only(['call', 'path', 'equals']);
      if (!('equals' in condition)) fail(`${path}.equals`, 'is required with path');
      templatedDeep(condition.equals, `${path}.equals`);
      return { call, path: text(condition.path, `${path}.path`), equals: condition.equals };
    }
    only(['call', 'succeeds']);
    if (condition.succeeds !== true) fail(`${path}.succeeds`, 'must be true (or use errorCode, or path + equals)');
    return { call, succeeds: true };
  }
  return fail(path, `is not a condition; forms: ${CONDITION_FORMS.join('; ')}`);
}

function stopWhenOf(value: unknown): StopWhen {
  const stop = object(value, 'stopWhen');
  fieldsIn(stop, 'stopWhen', ['errorRateAbove', 'forSeconds', 'maxSeconds']);
  if (Object.keys(stop).length === 0) fail('stopWhen', 'needs errorRateAbove (+ forSeconds) or maxSeconds');
  const errorRateAbove = stop.errorRateAbove === undefined ? undefined : number(stop.errorRateAbove, 'stopWhen.errorRateAbove');
  if (errorRateAbove !== undefined && (errorRateAbove < 0 || errorRateAbove >= 1)) fail('stopWhen.errorRateAbove', `${errorRateAbove} is not a share from 0 to below 1`);
  if (stop.forSeconds !== undefined && errorRateAbove === undefined) fail('stopWhen.forSeconds', 'only goes with errorRateAbove');
  return {
    ...(errorRateAbove === undefined ? {} : { errorRateAbove, forSeconds: stop.forSeconds === undefined ? 1 : positiveSeconds(stop.forSeconds, 'stopWhen.forSeconds') }),
    ...(stop.maxSeconds === undefined ? {} : { maxSeconds: positiveSeconds(stop.maxSeconds, 'stopWhen.maxSeconds') }),
  };
}

/** Step names are unique; heal and ${steps.<name>} refer to steps before them; heal names a fault step. */
function checkStepNames(steps: readonly PlanStep[], hasProbe: boolean): void {
  const seen = new Map<string, PlanStep>();
  steps.forEach((step, index) => {
    const path = `steps[${index}]`;
    for (const reference of referencesOf(step.action)) {
      const [root, name] = pathOf(reference);
      if (root === 'steps' && !seen.has(String(name))) fail(path, `"\${${reference}}" refers to no step named "${String(name)}" before this one`);
      if (root === 'probe' && !hasProbe) fail(path, `"\${${reference}}" needs a probe in the plan`);
    }
    if (step.action.type === 'heal') {
      const target = seen.get(step.action.heal);
      if (target?.action.type !== 'fault') fail(`${path}.heal`, `"${step.action.heal}" names no fault step before this one; fault steps so far: ${[...seen].filter(([, s]) => s.action.type === 'fault').map(([n]) => n).join(', ') || 'none'}`);
    }
    if (step.name !== undefined) {
      if (seen.has(step.name)) fail(`${path}.name`, `"${step.name}" is already the name of an earlier step`);
      seen.set(step.name, step);
    }
  });
}

function referencesOf(value: unknown): string[] {
  if (typeof value === 'string') return templateReferences(value);
  if (Array.isArray(value)) return value.flatMap(referencesOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(referencesOf);
  return [];
}

function templated(value: string, path: string): string {
  for (const reference of templateReferences(value)) {
    const problem = referenceProblem(reference);
    if (problem) fail(path, problem);
  }
  return value;
}

function templatedDeep(value: unknown, path: string): void {
  if (typeof value === 'string') templated(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => templatedDeep(item, `${path}[${index}]`));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) templatedDeep(item, `${path}.${key}`);
}

function fieldsIn(value: Json, path: string, valid: readonly string[], why = ''): void {
  for (const field of Object.keys(value)) {
    if (!valid.includes(field)) fail(`${path}.${field}`, `is not a known field${why ? ` ${why}` : ''}; valid: ${valid.join(', ') || 'none'}`);
  }
}

function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `${show(value)} is not an object`);
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `${show(value)} is not a list`);
  return value as unknown[];
}

function text(value: unknown, path: string): string {
  if (value === undefined) fail(path, 'is required (a string)');
  if (typeof value !== 'string' || value === '') fail(path, `${show(value)} is not a non-empty string`);
  return value as string;
}

function number(value: unknown, path: string): number {
  if (value === undefined) fail(path, 'is required (a number)');
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `${show(value)} is not a number`);
  return value as number;
}

function positive(value: unknown, path: string): number {
  const found = number(value, path);
  if (found <= 0) fail(path, `${found} is not above 0`);
  return found;
}

function wholeNumber(value: unknown, path: string): number {
  const found = number(value, path);
  if (!Number.isInteger(found) || found < 0) fail(path, `${found} is not a whole number >= 0`);
  return found;
}

function seconds(value: unknown, path: string): number {
  if (value === undefined) fail(path, 'is required (seconds, or a duration like 90s, 15m, 2h, 7d)');
  const found = durationSeconds(value);
  if (found === undefined) fail(path, `${show(value)} is not seconds >= 0 nor a duration like 90s, 15m, 2h, 7d`);
  return found as number;
}

function positiveSeconds(value: unknown, path: string): number {
  const found = seconds(value, path);
  if (found <= 0) fail(path, `${found} is not above 0 seconds`);
  return found;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function fail(path: string, problem: string): never {
  throw new PlanError(`plan.${path.replace(/^plan\.?/, '')}: ${problem}`.replace(/\.:/, ':'));
}
