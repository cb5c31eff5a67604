// What a handler may return for each output shape. Both encoders read handler output only through these
// checks, so a mistyped value is an OutputShapeError (a service bug, answered as an internal error) and
// members outside the shape are never read.

import type { ScalarShape } from './service-model';
import { OutputShapeError } from './wire.errors';

type OutputScalar = string | number | boolean | Date | Uint8Array;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return value instanceof Date ? 'a Date' : typeof value;
}

function fail(where: string, expected: string, value: unknown): never {
  throw new OutputShapeError(`${where}: expected ${expected}, got ${describe(value)}`);
}

/** A structure's or map's fields; only the ones the caller asks for are read. */
export function outputObject(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
    return fail(where, 'an object', value);
  }
  return value as Readonly<Record<string, unknown>>;
}

export function outputList(value: unknown, where: string): readonly unknown[] {
  return Array.isArray(value) ? value : fail(where, 'an array', value);
}

/** Map entries whose value is present (null and undefined are omitted, as for members). */
export function outputMapEntries(value: unknown, where: string): Array<[string, unknown]> {
  return Object.entries(outputObject(value, where)).filter(([, entry]) => entry !== undefined && entry !== null);
}

export function outputScalar(shape: ScalarShape, value: unknown, where: string): OutputScalar {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? value : fail(where, 'a string', value);
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(where, 'a boolean', value);
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? value : fail(where, 'an integer', value);
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? value : fail(where, 'a valid Date', value);
    case 'blob':
      return value instanceof Uint8Array ? value : fail(where, 'a Buffer', value);
  }
}
