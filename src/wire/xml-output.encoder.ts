// EC2 query responses (EC2 API Reference, "Query API responses"): `<DescribeSubnetsResponse xmlns=...>
// <requestId>..</requestId>` then the output members by their locationName, lists wrapped (`<subnetSet>
// <item>..</item></subnetSet>`) unless flattened, booleans `true|false`, timestamps ISO 8601, blobs base64.

import { outputList, outputMapEntries, outputObject, outputScalar } from './output-values';
import type { ListShape, MapShape, Member, Shape, StructureShape } from './service-model';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Characters XML 1.0 cannot carry even escaped, and lone surrogates: replaced by U+FFFD. */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: markup characters escaped, and CR kept as a reference (a parser would turn a raw CR into LF). */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

export function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/** The whole document for a successful call; `output` undefined for an operation without an output shape. */
export function encodeXmlOutput(operation: string, namespace: string, requestId: string, shape: StructureShape | undefined, output: unknown): string {
  // EC2 answers operations without output members with <return>true</return>.
  const members = shape === undefined ? element('return', 'true') : output === undefined || output === null ? '' : encodeMembers(shape, output, shape.name);
  const xmlns = namespace.endsWith('/') ? namespace : `${namespace}/`;
  return `${XML_DECLARATION}<${operation}Response xmlns="${escapeXml(xmlns)}">${element('requestId', escapeXml(requestId))}${members}</${operation}Response>`;
}

function encodeMembers(shape: StructureShape, value: unknown, where: string): string {
  const fields = outputObject(value, where);
  let xml = '';
  for (const [name, member] of shape.members) {
    const field = fields[name];
    if (field !== undefined && field !== null) xml += encodeMember(member, field, `${where}.${name}`);
  }
  return xml;
}

function encodeMember(member: Member, value: unknown, where: string): string {
  const name = member.locationName ?? member.name;
  const { shape } = member;
  if (shape.type === 'list' && shape.flattened) {
    const itemName = shape.member.locationName ?? name;
    return outputList(value, where).map((item, index) => element(itemName, encodeContent(shape.member.shape, item, `${where}[${index}]`))).join('');
  }
  if (shape.type === 'map' && shape.flattened) {
    return outputMapEntries(value, where).map(([key, entry]) => element(name, encodeEntry(shape, key, entry, `${where}.${key}`))).join('');
  }
  return element(name, encodeContent(shape, value, where));
}

function encodeList(shape: ListShape, value: unknown, where: string): string {
  // EC2 names list items <item>; the models say so on every list (locationName "item").
  const itemName = shape.member.locationName ?? 'item';
  return outputList(value, where).map((item, index) => element(itemName, encodeContent(shape.member.shape, item, `${where}[${index}]`))).join('');
}

function encodeEntry(shape: MapShape, key: string, entry: unknown, where: string): string {
  return element(shape.key.locationName ?? 'key', escapeXml(key)) + element(shape.value.locationName ?? 'value', encodeContent(shape.value.shape, entry, where));
}

function encodeContent(shape: Shape, value: unknown, where: string): string {
  switch (shape.type) {
    case 'structure':
      return encodeMembers(shape, value, where);
    case 'list':
      return encodeList(shape, value, where);
    case 'map':
      return outputMapEntries(value, where).map(([key, entry]) => element('entry', encodeEntry(shape, key, entry, `${where}.${key}`))).join('');
    default: {
      const scalar = outputScalar(shape, value, where);
      if (scalar instanceof Date) return scalar.toISOString();
      if (scalar instanceof Uint8Array) return Buffer.from(scalar.buffer, scalar.byteOffset, scalar.byteLength).toString('base64');
      return typeof scalar === 'string' ? escapeXml(scalar) : String(scalar);
    }
  }
}
