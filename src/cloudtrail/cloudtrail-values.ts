// A request's input or a response's output as CloudTrail shows it in requestParameters and
// responseElements (ct-createkey, ct-create-keystore): member names lower-camel (`keyUsage`, an
// acronym kept: `AWSAccountId`), dates as `Aug 10, 2022, 10:38:27 PM`, and no secrets.
// Walked along the operation's model shape, so map keys (an EncryptionContext's) stay as the caller wrote them.
// SIM: every sensitive member (KeyStorePassword, Plaintext) and every blob (ciphertexts, public keys,
// wrapped material) is left out; AWS leaves out these too, or shows a placeholder in some services.

import { isSecretName } from '../shared/redact';
import type { Shape } from '../wire/service-model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `KeyUsage` -> `keyUsage`; `AWSAccountId` stays (AWS keeps a leading acronym). */
export function memberName(name: string): string {
  if (name.length > 1 && name[1] === name[1]!.toUpperCase() && /[A-Z]/.test(name[1]!)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** ct-createkey: `"creationDate": "Aug 10, 2022, 10:38:27 PM"` (UTC). */
export function responseDate(date: Date): string {
  const hours = date.getUTCHours();
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${clock}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value as CloudTrail shows it, or undefined when it is left out (a secret, a blob). */
export function cloudTrailValue(shape: Shape, value: unknown): unknown {
  if (value === undefined || value === null || shape.sensitive) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return undefined;
      const shown: Record<string, unknown> = {};
      for (const [name, member] of shape.members) {
        if (isSecretName(name)) continue;
        const inner = cloudTrailValue(member.shape, (value as Record<string, unknown>)[name]);
        if (inner !== undefined) shown[memberName(name)] = inner;
      }
      return shown;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => cloudTrailValue(shape.member.shape, item) ?? null) : undefined;
    case 'map': {
      if (typeof value !== 'object') return undefined;
      const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, cloudTrailValue(shape.value.shape, inner)] as const);
      return Object.fromEntries(entries.filter(([, inner]) => inner !== undefined));
    }
    case 'timestamp':
      return value instanceof Date ? responseDate(value) : typeof value === 'number' ? responseDate(new Date(value * 1000)) : undefined;
    case 'blob':
      return undefined;
    default:
      return value;
  }
}
