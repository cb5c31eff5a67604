// awsJson request bodies to typed input: JSON types checked against the shapes (a mismatch is a
// SerializationException, as AWS JSON services answer), blobs from base64, timestamps from epoch seconds
// or ISO 8601. Members the shape does not know are ignored, as AWS does; null counts as absent.

import type { AwsException } from '../shared/aws-exception';
import { jsonPath } from './validation-message';
import type { PathStep } from './input-validator';
import { decodeBase64, fromEpochSeconds, parseIsoTimestamp } from './scalar-text';
import type { Shape, StructureShape } from './service-model';
import { SerializationException } from './wire.errors';
import type { WireStructure, WireValue } from './wire.types';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** AWS's wording for a JSON value of the wrong type, e.g. `STRING_VALUE can not be converted to an Integer`. */
function mismatch(value: unknown, expected: string): AwsException {
  // SIM: the Structure/List/Map/Timestamp/Blob variants follow the pattern of the observed Integer one.
  if (Array.isArray(value)) return new SerializationException('Start of list found where not expected.');
  if (isJsonObject(value)) return new SerializationException('Start of structure or map found where not expected.');
  const token = typeof value === 'string' ? 'STRING_VALUE' : typeof value === 'number' ? 'NUMBER_VALUE' : 'BOOLEAN_VALUE';
  return new SerializationException(`${token} can not be converted to ${expected}`);
}

/** Throws SerializationException for a body that is not JSON or does not fit the shape. */
export function decodeJsonInput(shape: StructureShape | undefined, body: Buffer): WireStructure {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new SerializationException('The request body is not valid JSON.');
  }
  if (parsed === null) return {};
  if (shape === undefined) {
    if (!isJsonObject(parsed)) throw mismatch(parsed, 'a Structure');
    return {};
  }
  return decodeStructure(shape, parsed, []);
}

function decodeStructure(shape: StructureShape, value: unknown, path: readonly PathStep[]): WireStructure {
  if (!isJsonObject(value)) throw mismatch(value, 'a Structure');
  const decoded: Record<string, WireValue> = {};
  for (const [name, member] of shape.members) {
    const raw = Object.hasOwn(value, name) ? value[name] : undefined;
    if (raw !== undefined && raw !== null) decoded[name] = decodeValue(member.shape, raw, [...path, { member }]);
  }
  return decoded;
}

function decodeValue(shape: Shape, value: unknown, path: readonly PathStep[]): WireValue {
  switch (shape.type) {
    case 'structure':
      return decodeStructure(shape, value, path);
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(value, 'a List');
      return value.map((element: unknown, index) => {
        if (element === null) throw new SerializationException(`Null element at '${jsonPath([...path, { index }])}': lists cannot hold null.`);
        return decodeValue(shape.member.shape, element, [...path, { index }]);
      });
    }
    case 'map': {
      if (!isJsonObject(value)) throw mismatch(value, 'a Map');
      const entries = Object.entries(value).filter(([, entry]) => entry !== null);
      return Object.fromEntries(entries.map(([key, entry]) => [key, decodeValue(shape.value.shape, entry, [...path, { key }])]));
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, 'a String');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(value, 'a Boolean');
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < INT_MIN || value > INT_MAX) throw mismatch(value, 'an Integer');
      return value;
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw mismatch(value, 'a Long');
      return value;
    case 'timestamp': {
      const date = typeof value === 'number' ? fromEpochSeconds(value) : typeof value === 'string' ? parseIsoTimestamp(value) : undefined;
      if (date === undefined) throw mismatch(value, 'a Timestamp');
      return date;
    }
    case 'blob': {
      if (typeof value !== 'string') throw mismatch(value, 'a Blob');
      const bytes = decodeBase64(value);
      // SIM: AWS's text for bad base64 is not documented; this one names the member, never the value.
      if (bytes === undefined) throw new SerializationException(`Value at '${jsonPath(path)}' is not valid base64.`);
      return bytes;
    }
  }
}
