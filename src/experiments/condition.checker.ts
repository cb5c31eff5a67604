// Checks a plan's condition once, against the endpoint: used by expect (once) and wait-for (polled).

import type { AwsClients } from './aws-clients';
import { outcomeOf } from './aws-clients';
import type { AwsCall, Condition } from './plan.types';
import type { RunContext } from './run-context';
import { hsmViews } from './target.resolver';
import { lookUp, resolveTemplates } from './template.resolver';

export interface ConditionResult {
  readonly holds: boolean;
  readonly observed: unknown;
  /** e.g. `store ConnectionState is FAILED, wanted CONNECTED`. */
  readonly detail: string;
}

type CallResult = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: string; readonly message: string };

async function tryCall(clients: AwsClients, call: AwsCall): Promise<CallResult> {
  try {
    return { ok: true, output: await clients.call(call) };
  } catch (error) {
    return { ok: false, error: outcomeOf(error), message: (error as Error).message };
  }
}

function compare(what: string, observed: unknown, wanted: unknown): ConditionResult {
  const holds = JSON.stringify(observed) === JSON.stringify(wanted);
  return { holds, observed, detail: `${what} is ${JSON.stringify(observed)}${holds ? '' : `, wanted ${JSON.stringify(wanted)}`}` };
}

/** A copy with every string that holds a JSON object or list parsed (CloudTrailEvent, backingKeysDeletionStatus). */
function withJsonStringsParsed(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return withJsonStringsParsed(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map(withJsonStringsParsed);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withJsonStringsParsed(inner)]));
  return value;
}

/**
 * A value at `path` (e.g. `KeyMetadata.KeyState`, `Hsms[0].State`) of a call's output. A path that goes on
 * into a string of JSON reads into it: `Events[0].CloudTrailEvent.additionalEventData.backingKeysDeletionStatus[0].deletionStatus`.
 */
function valueAt(output: unknown, path: string): unknown {
  try {
    return lookUp(output, path);
  } catch {
    try {
      return lookUp(withJsonStringsParsed(output), path);
    } catch {
      return undefined;
    }
  }
}

export async function checkCondition(planned: Condition, context: RunContext, clients: AwsClients): Promise<ConditionResult> {
  const condition = resolveTemplates(planned, context);
  if ('storeState' in condition || 'storeErrorCode' in condition) {
    const result = await tryCall(clients, { service: 'kms', operation: 'DescribeCustomKeyStores', input: { CustomKeyStoreId: context.store.id } });
    if (!result.ok) return { holds: false, observed: result.error, detail: `DescribeCustomKeyStores failed: ${result.error}` };
    const store = (result.output as { CustomKeyStores: Record<string, unknown>[] }).CustomKeyStores[0] ?? {};
    if ('storeState' in condition) return compare(`store ${context.store.id} ConnectionState`, store.ConnectionState, condition.storeState);
    return compare(`store ${context.store.id} ConnectionErrorCode`, store.ConnectionErrorCode ?? 'none', condition.storeErrorCode);
  }
  if ('keyState' in condition) {
    const result = await tryCall(clients, { service: 'kms', operation: 'DescribeKey', input: { KeyId: condition.keyId } });
    const observed = result.ok ? valueAt(result.output, 'KeyMetadata.KeyState') : result.error;
    return compare(`key ${condition.keyId} KeyState`, observed, condition.keyState);
  }
  if ('hsmState' in condition) {
    const result = await tryCall(clients, { service: 'cloudhsmv2', operation: 'DescribeClusters', input: { Filters: { clusterIds: [context.cluster.id] } } });
    if (!result.ok) return { holds: false, observed: result.error, detail: `DescribeClusters failed: ${result.error}` };
    const cluster = (result.output as { Clusters: Parameters<typeof hsmViews>[0][] }).Clusters[0];
    const hsm = cluster ? hsmViews(cluster).find((view) => view.id === condition.hsmId) : undefined;
    return compare(`HSM ${condition.hsmId} State`, hsm?.state ?? 'absent', condition.hsmState);
  }
  const result = await tryCall(clients, condition.call);
  const what = `${condition.call.service} ${condition.call.operation}`;
  if ('errorCode' in condition) {
    const observed = result.ok ? 'success' : result.error;
    const wanted: readonly string[] = typeof condition.errorCode === 'string' ? [condition.errorCode] : condition.errorCode;
    const holds = wanted.includes(observed);
    return {
      holds,
      observed: result.ok ? 'success' : { error: result.error, message: result.message },
      detail: `${what} outcome is ${observed}${holds ? '' : `, wanted ${wanted.join(' or ')}`}`,
    };
  }
  if ('path' in condition) {
    if (!result.ok) return { holds: false, observed: result.error, detail: `${what} failed: ${result.error}: ${result.message}` };
    return compare(`${what} ${condition.path}`, valueAt(result.output, condition.path), condition.equals);
  }
  return result.ok
    ? { holds: true, observed: result.output, detail: `${what} succeeded` }
    : { holds: false, observed: result.error, detail: `${what} failed: ${result.error}: ${result.message}` };
}
