// Server-side validation of a decoded input against its shape: every constraint of the model, since
// clients check only some (aws-behaviour 1.3: botocore checks required members, types and minimums).

import type { Member, Shape, StructureShape } from './service-model';
import { constraintsOf } from './shape-constraints';
import type { WireStructure, WireValue } from './wire.types';

export type PathStep = { readonly member: Member } | { readonly index: number } | { readonly key: string };

export interface Violation {
  readonly path: readonly PathStep[];
  /** The shape of the value at `path`. */
  readonly shape: Shape;
  /** Undefined for a required member that is absent. */
  readonly value: WireValue | undefined;
  readonly constraint: string;
}

const NOT_NULL = 'Member must not be null';

const SCALAR_TYPES: ReadonlySet<Shape['type']> = new Set(['string', 'integer', 'long', 'boolean', 'timestamp', 'blob']);

function isStructure(value: WireValue): value is WireStructure {
  return typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Date);
}

/** The violations in model order; empty when the input is valid. */
export function validateInput(shape: StructureShape, input: WireStructure): Violation[] {
  const violations: Violation[] = [];
  checkStructure(shape, input, [], violations);
  return violations;
}

function checkStructure(shape: StructureShape, value: WireStructure, path: readonly PathStep[], out: Violation[]): void {
  for (const [name, member] of shape.members) {
    const memberValue = value[name];
    const memberPath = [...path, { member }];
    if (memberValue === undefined) {
      if (shape.required.has(name)) out.push({ path: memberPath, shape: member.shape, value: undefined, constraint: NOT_NULL });
    } else {
      checkValue(member.shape, memberValue, memberPath, out);
    }
  }
}

function checkValue(shape: Shape, value: WireValue, path: readonly PathStep[], out: Violation[]): void {
  for (const constraint of constraintsOf(shape)) {
    if (!constraint.holds(value)) out.push({ path, shape, value, constraint: constraint.description });
  }
  if (shape.type === 'structure' && isStructure(value)) {
    checkStructure(shape, value, path, out);
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const elements: readonly WireValue[] = value;
    checkCollection(shape.member.shape, elements, (index) => ({ index }), 'Member', { path, shape, value }, out);
  } else if (shape.type === 'map' && isStructure(value)) {
    const entries = Object.entries(value).filter((entry): entry is [string, WireValue] => entry[1] !== undefined);
    checkScalars(shape.key.shape, entries.map(([key]) => key), 'Map keys', { path, shape, value }, out);
    checkCollection(shape.value.shape, entries.map(([, entry]) => entry), (index) => ({ key: entries[index]![0] }), 'Map value', { path, shape, value }, out);
  }
}

/**
 * Scalar elements are reported once for the whole collection, listing every constraint of the element
 * shape (`Value '[a, b]' at 'subnetIds' failed to satisfy constraint: Member must satisfy constraint: [...]`);
 * structured elements are checked one by one under their own path (`tagList.1.member.key`).
 */
function checkCollection(
  elementShape: Shape,
  elements: readonly WireValue[],
  stepOf: (index: number) => PathStep,
  subject: string,
  collection: Omit<Violation, 'constraint'>,
  out: Violation[],
): void {
  if (SCALAR_TYPES.has(elementShape.type)) checkScalars(elementShape, elements, subject, collection, out);
  else elements.forEach((element, index) => checkValue(elementShape, element, [...collection.path, stepOf(index)], out));
}

// SIM: `Map keys/value must satisfy constraint` is the list wording applied to maps (seen for keys only).
function checkScalars(elementShape: Shape, elements: readonly WireValue[], subject: string, collection: Omit<Violation, 'constraint'>, out: Violation[]): void {
  const constraints = constraintsOf(elementShape);
  if (elements.some((element) => constraints.some((constraint) => !constraint.holds(element)))) {
    out.push({ ...collection, constraint: `${subject} must satisfy constraint: [${constraints.map((constraint) => constraint.description).join(', ')}]` });
  }
}
