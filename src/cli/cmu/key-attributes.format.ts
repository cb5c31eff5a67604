// 7.7 listAttributes (the constants) and getAttribute (`Attribute Value on server 0(…):`, `OBJ_ATTR_LABEL`,
// `<value>`), for the attributes a node's KeyView carries.

import type { KeyView } from '../../../hsm-sim/node/node.types';
import { ALL_ATTRIBUTES, KEY_ATTRIBUTE_IDS, KEY_CLASS_CODES, KEY_TYPE_CODES, type KeyAttributeName } from './key-attribute-ids';
import type { HsmConnection } from './hsm-connections';
import { serverLabel } from './server-result.format';

const byte = (value: number): string => `0x${value.toString(16).padStart(2, '0')}`;
const word = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;
const flag = (value: boolean): string => byte(value ? 1 : 0);

// SIM: value formats (0x01 flags, 0x00000020 lengths) follow published getAttribute examples; ID prints as hex
const READERS: Partial<Record<KeyAttributeName, (view: KeyView) => string | undefined>> = {
  OBJ_ATTR_CLASS: (view) => byte(KEY_CLASS_CODES[view.class]),
  OBJ_ATTR_KEY_TYPE: (view) => byte(KEY_TYPE_CODES[view.keyType]),
  OBJ_ATTR_TOKEN: (view) => flag(view.token),
  OBJ_ATTR_LABEL: (view) => view.label,
  OBJ_ATTR_ID: (view) => view.id.toString('hex'),
  OBJ_ATTR_ENCRYPT: (view) => flag(view.encrypt),
  OBJ_ATTR_DECRYPT: (view) => flag(view.decrypt),
  OBJ_ATTR_WRAP: (view) => flag(view.wrap),
  OBJ_ATTR_UNWRAP: (view) => flag(view.unwrap),
  OBJ_ATTR_SIGN: (view) => flag(view.sign),
  OBJ_ATTR_VERIFY: (view) => flag(view.verify),
  OBJ_ATTR_DERIVE: (view) => flag(view.derive),
  OBJ_ATTR_EXTRACTABLE: (view) => flag(view.extractable),
  OBJ_ATTR_MODULUS_BITS: (view) => (view.keyType === 'RSA' && typeof view.size === 'number' ? word(view.size) : undefined),
  OBJ_ATTR_VALUE_LEN: (view) => (view.class === 'SECRET_KEY' && typeof view.size === 'number' ? word(view.size) : undefined),
};

export function listAttributesLines(): string[] {
  const constants = Object.entries(KEY_ATTRIBUTE_IDS).map(([name, id]) => `      ${name.padEnd(32)}= ${id}`);
  return ['', 'Following are the possible attribute values for getAttribute:', '', ...constants, ''];
}

/** The name/value lines of one attribute, or of all the key has for OBJ_ATTR_ALL (512); undefined if the key has not that one. */
export function attributeValueLines(view: KeyView, attributeId: number): string[] | undefined {
  const names = (Object.keys(READERS) as KeyAttributeName[]).filter((name) => attributeId === ALL_ATTRIBUTES || KEY_ATTRIBUTE_IDS[name] === attributeId);
  const lines = names.flatMap((name) => {
    const value = READERS[name]?.(view);
    return value === undefined ? [] : [name, value];
  });
  return lines.length === 0 ? undefined : lines;
}

export function attributeHeaderLine(server: HsmConnection): string {
  return `Attribute Value on ${serverLabel(server)}:`;
}
