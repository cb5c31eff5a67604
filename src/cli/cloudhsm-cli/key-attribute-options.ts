// --attributes name=value ... of key generation, in the CloudHSM CLI's attribute names
// (cloudhsm_cli-key-attributes-table).

import type { UserKeyAttributes } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from '../cmu/command-line-error';
import { parseHex } from './key-vocabulary';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const FLAGS = ['encrypt', 'decrypt', 'wrap', 'unwrap', 'sign', 'verify', 'derive', 'extractable', 'token'] as const;
type Flag = (typeof FLAGS)[number];

export function parseKeyAttributes(terms: readonly string[], option: string): Partial<UserKeyAttributes> {
  const attributes: Partial<Writable<UserKeyAttributes>> = {};
  for (const term of terms) {
    const [name = '', value] = term.split(/=(.*)/s, 2);
    if (value === undefined) throw new CommandLineError(`--${option} ${term}: write name=value, e.g. encrypt=true`);
    if (name === 'id') attributes.id = parseHex(value, 'id');
    else if (name === 'label') attributes.label = value;
    else if ((FLAGS as readonly string[]).includes(name)) attributes[name as Flag] = parseBoolean(value, name);
    else throw new CommandLineError(`--${option} ${name}: the attributes are label, id, ${FLAGS.join(', ')}`);
  }
  return attributes;
}

function parseBoolean(value: string, name: string): boolean {
  if (value !== 'true' && value !== 'false') throw new CommandLineError(`${name}=${value}: use true or false`);
  return value === 'true';
}
