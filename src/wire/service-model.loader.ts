// Builds a ServiceModel from botocore's service-2.json format. The only place that reads the raw JSON:
// it checks every field it uses, so the rest of src/wire works on typed shapes. A model using a shape
// type or protocol this simulator does not serve fails here, at start-up, not on some later request.

import {
  type Member,
  type OperationModel,
  type ServiceMetadata,
  ServiceModel,
  type Shape,
  type StructureShape,
  type WireProtocol,
} from './service-model';

type RawObject = Record<string, unknown>;

const PROTOCOLS: readonly WireProtocol[] = ['json', 'ec2'];

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, where: string): RawObject {
  if (!isObject(value)) throw new Error(`service model: ${where} is not an object`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`service model: ${where} is not a string`);
  return value;
}

function optionalText(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : text(value, where);
}

function optionalNumber(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new Error(`service model: ${where} is not a number`);
  return value;
}

function textList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) throw new Error(`service model: ${where} is not a list`);
  return value.map((entry, index) => text(entry, `${where}[${index}]`));
}

/** Shapes are created first and linked after, because shapes may refer to each other in any order. */
class ShapeLinker {
  private readonly built = new Map<string, Shape>();
  private readonly links: Array<() => void> = [];

  constructor(private readonly raw: RawObject) {}

  build(): ReadonlyMap<string, Shape> {
    for (const name of Object.keys(this.raw)) this.built.set(name, this.shape(name, object(this.raw[name], `shape ${name}`)));
    for (const link of this.links) link();
    return this.built;
  }

  private resolve(name: string, where: string): Shape {
    const shape = this.built.get(name);
    if (shape === undefined) throw new Error(`service model: ${where} refers to unknown shape ${name}`);
    return shape;
  }

  /** A member whose `shape` field is filled in once every shape exists. */
  private member(name: string, raw: unknown, where: string): Member {
    const ref = object(raw, where);
    const target = text(ref['shape'], `${where}.shape`);
    const member: { -readonly [K in keyof Member]: Member[K] } = {
      name,
      shape: undefined as unknown as Shape,
      locationName: optionalText(ref['locationName'], `${where}.locationName`),
      queryName: optionalText(ref['queryName'], `${where}.queryName`),
    };
    this.links.push(() => {
      member.shape = this.resolve(target, where);
    });
    return member;
  }

  private shape(name: string, raw: RawObject): Shape {
    const where = `shape ${name}`;
    const base = { name, sensitive: raw['sensitive'] === true };
    const min = optionalNumber(raw['min'], `${where}.min`);
    const max = optionalNumber(raw['max'], `${where}.max`);
    const type = text(raw['type'], `${where}.type`);
    switch (type) {
      case 'structure': {
        const members = object(raw['members'] ?? {}, `${where}.members`);
        return {
          ...base,
          type,
          members: new Map(Object.entries(members).map(([memberName, ref]) => [memberName, this.member(memberName, ref, `${where}.${memberName}`)])),
          required: new Set(raw['required'] === undefined ? [] : textList(raw['required'], `${where}.required`)),
        };
      }
      case 'list':
        return { ...base, type, member: this.member('member', raw['member'], `${where}.member`), min, max, flattened: raw['flattened'] === true };
      case 'map':
        return {
          ...base,
          type,
          key: this.member('key', raw['key'], `${where}.key`),
          value: this.member('value', raw['value'], `${where}.value`),
          min,
          max,
          flattened: raw['flattened'] === true,
        };
      case 'string':
        return {
          ...base,
          type,
          min,
          max,
          pattern: optionalText(raw['pattern'], `${where}.pattern`),
          enum: raw['enum'] === undefined ? undefined : textList(raw['enum'], `${where}.enum`),
        };
      case 'integer':
      case 'long':
      case 'blob':
        return { ...base, type, min, max };
      case 'boolean':
      case 'timestamp':
        return { ...base, type };
      default:
        throw new Error(`service model: ${where} has type ${type}, which the wire layer does not serve`);
    }
  }
}

function structure(shapes: ReadonlyMap<string, Shape>, raw: unknown, where: string): StructureShape | undefined {
  if (raw === undefined) return undefined;
  const name = text(object(raw, where)['shape'], `${where}.shape`);
  const shape = shapes.get(name);
  if (shape?.type !== 'structure') throw new Error(`service model: ${where} must be a structure shape, got ${name}`);
  return shape;
}

function metadataOf(raw: RawObject): ServiceMetadata {
  const protocol = text(raw['protocol'], 'metadata.protocol');
  const known = PROTOCOLS.find((candidate) => candidate === protocol);
  if (known === undefined) throw new Error(`service model: protocol ${protocol} is not served`);
  const endpointPrefix = text(raw['endpointPrefix'], 'metadata.endpointPrefix');
  const metadata: ServiceMetadata = {
    protocol: known,
    serviceId: text(raw['serviceId'], 'metadata.serviceId'),
    signingName: optionalText(raw['signingName'], 'metadata.signingName') ?? endpointPrefix,
    targetPrefix: optionalText(raw['targetPrefix'], 'metadata.targetPrefix'),
    xmlNamespace: optionalText(raw['xmlNamespace'], 'metadata.xmlNamespace'),
  };
  if (known === 'json' && metadata.targetPrefix === undefined) throw new Error('service model: a json service needs metadata.targetPrefix');
  if (known === 'json' && raw['jsonVersion'] !== '1.1') throw new Error('service model: of the json protocols only awsJson 1.1 is served');
  return metadata;
}

/** The member most exception shapes carry their text in; `message` when the model has no exceptions. */
function messageMembers(rawShapes: RawObject): { perException: Map<string, string>; usual: string } {
  const perException = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [name, raw] of Object.entries(rawShapes)) {
    const shape = object(raw, `shape ${name}`);
    if (shape['exception'] !== true) continue;
    const member = Object.keys(object(shape['members'] ?? {}, `shape ${name}.members`)).find((key) => key.toLowerCase() === 'message');
    if (member === undefined) continue;
    perException.set(name, member);
    counts.set(member, (counts.get(member) ?? 0) + 1);
  }
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'message';
  return { perException, usual };
}

export function loadServiceModel(json: unknown): ServiceModel {
  const raw = object(json, 'the model');
  const metadata = metadataOf(object(raw['metadata'], 'metadata'));
  const rawShapes = object(raw['shapes'], 'shapes');
  const shapes = new ShapeLinker(rawShapes).build();
  const operations = new Map<string, OperationModel>();
  for (const [name, rawOperation] of Object.entries(object(raw['operations'], 'operations'))) {
    const operation = object(rawOperation, `operation ${name}`);
    operations.set(name, {
      name,
      input: structure(shapes, operation['input'], `operation ${name}.input`),
      output: structure(shapes, operation['output'], `operation ${name}.output`),
    });
  }
  const { perException, usual } = messageMembers(rawShapes);
  return new ServiceModel(metadata, operations, perException, usual);
}
