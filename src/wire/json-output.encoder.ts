// Handler output to an awsJson response body (aws-behaviour 1.2): only members of the output shape,
// absent/null members omitted, timestamps as epoch seconds with fraction, blobs as base64.

import { outputList, outputMapEntries, outputObject, outputScalar } from './output-values';
import type { Shape, StructureShape } from './service-model';

type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue };

/** Throws OutputShapeError when the output does not fit its shape. */
export function encodeJsonOutput(shape: StructureShape | undefined, output: unknown): string {
  if (shape === undefined || output === undefined || output === null) return '{}';
  return JSON.stringify(encodeStructure(shape, output, shape.name));
}

function encodeStructure(shape: StructureShape, value: unknown, where: string): { [key: string]: JsonValue } {
  const fields = outputObject(value, where);
  const encoded: { [key: string]: JsonValue } = {};
  for (const [name, member] of shape.members) {
    const field = fields[name];
    if (field !== undefined && field !== null) encoded[name] = encodeValue(member.shape, field, `${where}.${name}`);
  }
  return encoded;
}

function encodeValue(shape: Shape, value: unknown, where: string): JsonValue {
  switch (shape.type) {
    case 'structure':
      return encodeStructure(shape, value, where);
    case 'list':
      return outputList(value, where).map((element, index) => encodeValue(shape.member.shape, element, `${where}[${index}]`));
    case 'map':
      return Object.fromEntries(outputMapEntries(value, where).map(([key, entry]) => [key, encodeValue(shape.value.shape, entry, `${where}.${key}`)]));
    default: {
      const scalar = outputScalar(shape, value, where);
      if (scalar instanceof Date) return scalar.getTime() / 1000;
      if (scalar instanceof Uint8Array) return Buffer.from(scalar.buffer, scalar.byteOffset, scalar.byteLength).toString('base64');
      return scalar;
    }
  }
}
