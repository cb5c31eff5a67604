// ValidationException text as AWS JSON services write it (aws-behaviour 1.3): `1 validation error detected:
// Value 'x' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1`,
// several joined as `N validation errors detected: ...; ...`. Values print as Java's toString would.

import type { PathStep, Violation } from './input-validator';
import type { Shape } from './service-model';
import type { WireValue } from './wire.types';

const REDACTED = '*** Sensitive Data Redacted ***';

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Member names in lowerCamel, list elements as `N.member` (1-based): `tagList.1.member.key`. */
export function jsonPath(path: readonly PathStep[]): string {
  // SIM: map entries holding structures are pathed by their key (`filters.<key>`); AWS's form is unobserved.
  return path.map((step) => ('member' in step ? lowerFirst(step.member.name) : 'index' in step ? `${step.index + 1}.member` : step.key)).join('.');
}

/** Java-like rendering; sensitive values inside a list or structure are redacted as AWS's models print them. */
export function renderValue(shape: Shape, value: WireValue): string {
  if (shape.sensitive) return REDACTED;
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const elements: readonly WireValue[] = value;
    return `[${elements.map((element) => (shape.type === 'list' ? renderValue(shape.member.shape, element) : String(element))).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).filter((entry): entry is [string, WireValue] => entry[1] !== undefined);
    return `{${fields.map(([key, field]) => `${key}=${renderField(shape, key, field)}`).join(', ')}}`;
  }
  return String(value);
}

function renderField(shape: Shape, key: string, field: WireValue): string {
  const inner = shape.type === 'structure' ? shape.members.get(key)?.shape : shape.type === 'map' ? shape.value.shape : undefined;
  return inner === undefined ? String(field) : renderValue(inner, field);
}

/** `Value 'x' at`, `Value null at` for an absent member, `Value at` for a sensitive one (e.g. KeyStorePassword). */
function valuePrefix(violation: Violation): string {
  if (violation.value === undefined) return 'Value null at';
  if (violation.shape.sensitive) return 'Value at';
  return `Value '${renderValue(violation.shape, violation.value)}' at`;
}

export function validationMessage(violations: readonly Violation[]): string {
  const count = violations.length;
  const details = violations.map((violation) => `${valuePrefix(violation)} '${jsonPath(violation.path)}' failed to satisfy constraint: ${violation.constraint}`);
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`;
}
