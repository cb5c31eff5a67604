// The constraints a shape puts on a value (length, pattern, enum, range), with the wording AWS uses in
// ValidationException messages. Built once per shape.

import { modelPattern } from './model-pattern';
import type { Shape } from './service-model';
import type { WireValue } from './wire.types';

export interface Constraint {
  /** AWS's wording, e.g. `Member must have length less than or equal to 128`. */
  readonly description: string;
  readonly holds: (value: WireValue) => boolean;
}

const cache = new WeakMap<Shape, readonly Constraint[]>();

/** Characters for strings (UTF-16 units, as Java counts), bytes for blobs, entries for lists and maps. */
function lengthOf(value: WireValue): number {
  if (typeof value === 'string' || Array.isArray(value) || Buffer.isBuffer(value)) return value.length;
  return typeof value === 'object' ? Object.keys(value).length : 0;
}

function lengthConstraints(min: number | undefined, max: number | undefined): Constraint[] {
  const constraints: Constraint[] = [];
  // Order as AWS lists them in `Member must satisfy constraint: [...]` (max, min, pattern).
  if (max !== undefined) constraints.push({ description: `Member must have length less than or equal to ${max}`, holds: (value) => lengthOf(value) <= max });
  if (min !== undefined) constraints.push({ description: `Member must have length greater than or equal to ${min}`, holds: (value) => lengthOf(value) >= min });
  return constraints;
}

function build(shape: Shape): Constraint[] {
  switch (shape.type) {
    case 'string': {
      const constraints = lengthConstraints(shape.min, shape.max);
      const regex = shape.pattern === undefined ? undefined : modelPattern(shape.pattern);
      if (regex !== undefined) {
        constraints.push({ description: `Member must satisfy regular expression pattern: ${shape.pattern}`, holds: (value) => regex.test(String(value)) });
      }
      const values = shape.enum;
      if (values !== undefined) {
        constraints.push({ description: `Member must satisfy enum value set: [${values.join(', ')}]`, holds: (value) => values.includes(String(value)) });
      }
      return constraints;
    }
    case 'blob':
    case 'list':
    case 'map':
      return lengthConstraints(shape.min, shape.max);
    case 'integer':
    case 'long': {
      const { min, max } = shape;
      const constraints: Constraint[] = [];
      if (min !== undefined) constraints.push({ description: `Member must have value greater than or equal to ${min}`, holds: (value) => Number(value) >= min });
      if (max !== undefined) constraints.push({ description: `Member must have value less than or equal to ${max}`, holds: (value) => Number(value) <= max });
      return constraints;
    }
    default:
      return [];
  }
}

export function constraintsOf(shape: Shape): readonly Constraint[] {
  let constraints = cache.get(shape);
  if (constraints === undefined) {
    constraints = build(shape);
    cache.set(shape, constraints);
  }
  return constraints;
}
