// What a node fault must look like before a node applies it: one rule per kind. The control plane may
// call nodeFaultProblem() to refuse a bad fault before sending it; the node checks again on receipt.

import { isEngineOperation, ENGINE_OPERATIONS } from '../engine/engine-operations';
import type { ActiveNodeFault, NodeFault, NodeFaultKind } from './node-fault.types';

/** A CKR name. SIM: hsm-error.ts's Ckr list holds only the codes the engines raise themselves (no CKR_DEVICE_ERROR), so any CKR_ name is accepted. */
const CKR_PATTERN = /^CKR_[A-Z0-9_]+$/;

type Rule<K extends NodeFaultKind> = (fault: Extract<NodeFault, { kind: K }>) => string | undefined;

const RULES: { readonly [K in NodeFaultKind]: Rule<K> } = {
  'network-partition': ({ mode }) => (mode === 'refuse' || mode === 'blackhole' ? undefined : `mode must be 'refuse' or 'blackhole', not ${String(mode)}`),
  'network-latency': ({ ms, jitterMs }) => nonNegative('ms', ms) ?? nonNegative('jitterMs', jitterMs),
  'network-loss': ({ probability }) => probabilityProblem(probability),
  'engine-error': ({ ckr, probability, operations }) =>
    (typeof ckr === 'string' && CKR_PATTERN.test(ckr) ? undefined : `ckr must be a CKR_ code name, not ${String(ckr)}`) ??
    probabilityProblem(probability) ??
    operationsProblem(operations),
  'engine-latency': ({ ms, operations }) => nonNegative('ms', ms) ?? operationsProblem(operations),
  'hsm-busy': ({ opsPerSecond }) => nonNegative('opsPerSecond', opsPerSecond),
};

/** Why this is not a fault a node can apply, or undefined when it is. */
export function nodeFaultProblem(fault: ActiveNodeFault): string | undefined {
  if (typeof fault !== 'object' || fault === null) return 'a fault must be an object';
  if (typeof fault.faultId !== 'string' || fault.faultId === '') return 'faultId must be a non-empty string';
  if (typeof fault.seed !== 'number' || !Number.isFinite(fault.seed)) return `fault ${fault.faultId}: seed must be a finite number`;
  const rule = Object.hasOwn(RULES, fault.kind) ? (RULES[fault.kind] as Rule<NodeFaultKind>) : undefined;
  if (!rule) return `fault ${fault.faultId}: unknown kind ${String(fault.kind)}`;
  const problem = rule(fault as never);
  return problem === undefined ? undefined : `fault ${fault.faultId} (${fault.kind}): ${problem}`;
}

function nonNegative(name: string, value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : `${name} must be a number >= 0`;
}

function probabilityProblem(value: unknown): string | undefined {
  return typeof value === 'number' && value >= 0 && value <= 1 ? undefined : 'probability must be a number in [0, 1]';
}

function operationsProblem(operations: unknown): string | undefined {
  if (operations === undefined) return undefined;
  if (!Array.isArray(operations) || !operations.every(isEngineOperation)) {
    return `operations must be a list of engine operations: ${ENGINE_OPERATIONS.join(', ')}`;
  }
  return undefined;
}
