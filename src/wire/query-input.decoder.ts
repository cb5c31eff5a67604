// EC2 query parameters to typed input, the mirror of botocore's EC2Serializer: a member's name is its
// queryName, else its locationName capitalised, else the member name; list elements are `Name.N` (1-based),
// structures nest with dots, maps are `Name.entry.N.key|value` (`Name.N.key|value` when flattened).
// EC2 refuses parameters it does not know (UnknownParameter), so every parameter must land somewhere.

import type { AwsException } from '../shared/aws-exception';
import { decodeBase64, fromEpochSeconds, parseIsoTimestamp } from './scalar-text';
import type { MapShape, Member, Shape, StructureShape } from './service-model';
import { InvalidParameterValue, UnknownParameter } from './wire.errors';
import type { WireStructure, WireValue } from './wire.types';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const INDEX = /^[1-9]\d*$/;
/** Deeper than any modelled input: a longer name cannot be a parameter, and the tree stays shallow. */
const MAX_SEGMENTS = 32;

/** One dotted name segment; `value` is set when a parameter ends here. */
class ParameterNode {
  readonly children = new Map<string, ParameterNode>();
  value: string | undefined;
  consumed = false;

  constructor(readonly name: string) {}

  child(segment: string): ParameterNode {
    let node = this.children.get(segment);
    if (node === undefined) {
      node = new ParameterNode(this.name === '' ? segment : `${this.name}.${segment}`);
      this.children.set(segment, node);
    }
    return node;
  }

  /** The value, marked as understood. */
  take(): string | undefined {
    this.consumed = this.value !== undefined;
    return this.value;
  }

  /** The first parameter at or below this node that no member took. */
  leftover(): string | undefined {
    if (this.value !== undefined && !this.consumed) return this.name;
    for (const child of this.children.values()) {
      const name = child.leftover();
      if (name !== undefined) return name;
    }
    return undefined;
  }
}

/** The EC2 query name of a structure member (botocore EC2Serializer._get_serialized_name). */
export function queryName(member: Member): string {
  if (member.queryName !== undefined) return member.queryName;
  const location = member.locationName;
  return location === undefined ? member.name : location.charAt(0).toUpperCase() + location.slice(1);
}

// SIM: EC2's InvalidParameterValue wording, with what was expected added.
function invalid(node: ParameterNode, value: string, expected: string): AwsException {
  return new InvalidParameterValue(`Value (${value}) for parameter ${node.name} is invalid. Expected ${expected}.`);
}

/** Throws UnknownParameter or InvalidParameterValue. `parameters` exclude Action and Version. */
export function decodeQueryInput(shape: StructureShape | undefined, parameters: ReadonlyMap<string, string>): WireStructure {
  const root = new ParameterNode('');
  for (const [name, value] of parameters) {
    const segments = name.split('.');
    if (segments.length > MAX_SEGMENTS) throw new UnknownParameter(`The parameter ${name} is not recognized`);
    segments.reduce((node, segment) => node.child(segment), root).value = value;
  }
  const input = shape === undefined ? {} : decodeStructure(shape, root);
  const unknown = root.leftover();
  if (unknown !== undefined) throw new UnknownParameter(`The parameter ${unknown} is not recognized`);
  return input;
}

function decodeStructure(shape: StructureShape, node: ParameterNode): WireStructure {
  const decoded: Record<string, WireValue> = {};
  for (const [name, member] of shape.members) {
    const child = node.children.get(queryName(member));
    const value = child === undefined ? undefined : decodeValue(member.shape, child);
    if (value !== undefined) decoded[name] = value;
  }
  return decoded;
}

/** Children named 1, 2, ... in numeric order; others are left for UnknownParameter. */
function indexed(node: ParameterNode): ParameterNode[] {
  return [...node.children.entries()]
    .filter(([segment]) => INDEX.test(segment))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}

function decodeMap(shape: MapShape, node: ParameterNode): WireStructure {
  const entries = shape.flattened ? node : node.children.get('entry');
  const keyName = queryName(shape.key);
  const valueName = queryName(shape.value);
  const decoded: Array<[string, WireValue]> = [];
  for (const entry of entries === undefined ? [] : indexed(entries)) {
    const key = entry.children.get(keyName)?.take();
    const valueNode = entry.children.get(valueName);
    const value = valueNode === undefined ? undefined : decodeValue(shape.value.shape, valueNode);
    if (key !== undefined && value !== undefined) decoded.push([key, value]);
  }
  return Object.fromEntries(decoded);
}

function decodeValue(shape: Shape, node: ParameterNode): WireValue | undefined {
  switch (shape.type) {
    case 'structure':
      return decodeStructure(shape, node);
    case 'list':
      return indexed(node)
        .map((element) => decodeValue(shape.member.shape, element))
        .filter((element): element is WireValue => element !== undefined);
    case 'map':
      return decodeMap(shape, node);
    default:
      return decodeScalar(shape.type, node);
  }
}

function decodeScalar(type: 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob', node: ParameterNode): WireValue | undefined {
  const text = node.take();
  if (text === undefined) return undefined;
  switch (type) {
    case 'string':
      return text;
    case 'integer':
    case 'long': {
      const number = /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
      const inRange = type === 'integer' ? number >= INT_MIN && number <= INT_MAX : Number.isSafeInteger(number);
      if (!inRange) throw invalid(node, text, type === 'integer' ? 'an integer' : 'a long integer');
      return number;
    }
    case 'boolean':
      if (!/^(true|false)$/i.test(text)) throw invalid(node, text, "'true' or 'false'");
      return text.toLowerCase() === 'true';
    case 'timestamp': {
      const date = /^\d+(\.\d+)?$/.test(text) ? fromEpochSeconds(Number(text)) : parseIsoTimestamp(text);
      if (date === undefined) throw invalid(node, text, 'an ISO 8601 timestamp');
      return date;
    }
    case 'blob': {
      const bytes = decodeBase64(text);
      if (bytes === undefined) throw invalid(node, text, 'base64 data');
      return bytes;
    }
  }
}
