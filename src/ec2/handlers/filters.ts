// EC2's Filter parameter: filters AND together, the values of one filter OR together, and values may
// use the wildcards * and ? (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html).

import { InvalidParameterValue } from '../domain/ec2.errors';
import type { Filter } from './ec2-api.types';

export type FilterValue = string | number | boolean | undefined;

/** Per filter name, the values a resource has for it. */
export type FilterTable<T> = Readonly<Record<string, (resource: T) => readonly FilterValue[]>>;

export function applyFilters<T>(resources: readonly T[], filters: readonly Filter[] | undefined, table: FilterTable<T>): T[] {
  const tests = (filters ?? []).map((filter) => {
    const name = filter.Name ?? '';
    const valuesOf = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!valuesOf) throw new InvalidParameterValue(`The filter '${name}' is invalid`);
    const patterns = (filter.Values ?? []).map(wildcardPattern);
    return (resource: T) => valuesOf(resource).some((value) => value !== undefined && patterns.some((pattern) => pattern.test(String(value))));
  });
  return resources.filter((resource) => tests.every((test) => test(resource)));
}

function wildcardPattern(value: string): RegExp {
  const escaped = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 's');
}
