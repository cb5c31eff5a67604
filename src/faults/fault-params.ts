// The parameters of a fault kind as a small schema, and their validation: unknown names, wrong types and
// values out of range are refused with a message that lists what is valid; defaults are filled in.

import { FaultRequestError } from './fault-request.error';

export type ParamSpec =
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly required?: boolean; readonly default?: number; readonly describe: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly default?: string; readonly describe: string }
  | { readonly type: 'string'; readonly minLength: number; readonly maxLength: number; readonly secret?: boolean; readonly describe: string }
  | { readonly type: 'strings'; readonly values: readonly string[]; readonly describe: string };

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
export type FaultParams = Readonly<Record<string, number | string | readonly string[]>>;

/** "ms (number 0-600000, required): delay ..." for each parameter, or "none". */
export function describeParams(specs: ParamSpecs): string {
  const lines = Object.entries(specs).map(([name, spec]) => `${name} (${shapeOf(spec)}): ${spec.describe}`);
  return lines.length > 0 ? lines.join('; ') : 'none';
}

function shapeOf(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number':
      return `number ${spec.min}-${spec.max}${spec.required ? ', required' : ''}${spec.default !== undefined ? `, default ${spec.default}` : ''}`;
    case 'enum':
      return `${spec.values.join(' | ')}${spec.default !== undefined ? `, default ${spec.default}` : ''}`;
    case 'string':
      return `string of ${spec.minLength}-${spec.maxLength} characters`;
    case 'strings':
      return `list of ${spec.values.join(' | ')}`;
  }
}

export function validateParams(kind: string, specs: ParamSpecs, given: unknown): FaultParams {
  const invalid = (problem: string): FaultRequestError => new FaultRequestError(400, `${kind}: ${problem}. Valid params: ${describeParams(specs)}.`);
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) throw invalid('params must be a JSON object');
  const params = (given ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(params).filter((name) => !Object.hasOwn(specs, name));
  if (unknown.length > 0) throw invalid(`unknown param ${unknown.map((name) => `"${name}"`).join(', ')}`);
  const result: Record<string, number | string | readonly string[]> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = params[name];
    if (value === undefined) {
      if (spec.type === 'number' && spec.required) throw invalid(`param "${name}" is required`);
      if ((spec.type === 'number' || spec.type === 'enum') && spec.default !== undefined) result[name] = spec.default;
      continue;
    }
    result[name] = checkValue(name, spec, value, invalid);
  }
  return result;
}

function checkValue(name: string, spec: ParamSpec, value: unknown, invalid: (problem: string) => FaultRequestError): number | string | readonly string[] {
  const shown = spec.type === 'string' && spec.secret ? 'the value given' : JSON.stringify(value);
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
        throw invalid(`param "${name}" must be a number from ${spec.min} to ${spec.max}, not ${shown}`);
      }
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) throw invalid(`param "${name}" must be one of ${spec.values.join(', ')}, not ${shown}`);
      return value;
    case 'string':
      if (typeof value !== 'string' || value.length < spec.minLength || value.length > spec.maxLength) {
        throw invalid(`param "${name}" must be a string of ${spec.minLength} to ${spec.maxLength} characters; ${shown} is not`);
      }
      return value;
    case 'strings':
      if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && spec.values.includes(item))) {
        throw invalid(`param "${name}" must be a non-empty list of ${spec.values.join(', ')}; not ${shown}`);
      }
      return value as string[];
  }
}

/** The params as a describe shows them: secrets replaced. */
export function visibleParams(specs: ParamSpecs, params: FaultParams): FaultParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, specs[name]?.type === 'string' && specs[name].secret ? '(hidden)' : value]));
}
