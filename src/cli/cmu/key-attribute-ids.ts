// 7.7 listAttributes / getAttribute: the OBJ_ATTR_* constants and the values of OBJ_ATTR_KEY_TYPE.

import type { KeyClassName, KeyTypeName } from '../../../hsm-sim/node/node.types';

export const KEY_ATTRIBUTE_IDS = {
  OBJ_ATTR_CLASS: 0,
  OBJ_ATTR_TOKEN: 1,
  OBJ_ATTR_PRIVATE: 2,
  OBJ_ATTR_LABEL: 3,
  OBJ_ATTR_TRUSTED: 134,
  OBJ_ATTR_KEY_TYPE: 256,
  OBJ_ATTR_ID: 258,
  OBJ_ATTR_SENSITIVE: 259,
  OBJ_ATTR_ENCRYPT: 260,
  OBJ_ATTR_DECRYPT: 261,
  OBJ_ATTR_WRAP: 262,
  OBJ_ATTR_UNWRAP: 263,
  OBJ_ATTR_SIGN: 264,
  OBJ_ATTR_VERIFY: 266,
  OBJ_ATTR_DERIVE: 268,
  OBJ_ATTR_MODULUS: 288,
  OBJ_ATTR_MODULUS_BITS: 289,
  OBJ_ATTR_PUBLIC_EXPONENT: 290,
  OBJ_ATTR_VALUE_LEN: 353,
  OBJ_ATTR_EXTRACTABLE: 354,
  OBJ_ATTR_LOCAL: 355,
  OBJ_ATTR_NEVER_EXTRACTABLE: 356,
  OBJ_ATTR_ALWAYS_SENSITIVE: 357,
  OBJ_ATTR_DESTROYABLE: 370,
  OBJ_ATTR_KCV: 371,
  OBJ_ATTR_WRAP_WITH_TRUSTED: 528,
  OBJ_ATTR_WRAP_TEMPLATE: 1073742353,
  OBJ_ATTR_UNWRAP_TEMPLATE: 1073742354,
  OBJ_ATTR_ALL: 512,
} as const;
export type KeyAttributeName = keyof typeof KEY_ATTRIBUTE_IDS;

export const ALL_ATTRIBUTES = KEY_ATTRIBUTE_IDS.OBJ_ATTR_ALL;

// 7.7: KEY_TYPE 0 RSA, 3 EC, 16 generic secret, 31 AES
export const KEY_TYPE_CODES: Readonly<Record<KeyTypeName, number>> = { RSA: 0, EC: 3, GENERIC_SECRET: 16, AES: 31 };

// PKCS#11 CKO_PUBLIC_KEY, CKO_PRIVATE_KEY, CKO_SECRET_KEY
export const KEY_CLASS_CODES: Readonly<Record<KeyClassName, number>> = { PUBLIC_KEY: 2, PRIVATE_KEY: 3, SECRET_KEY: 4 };

export function attributeNameOf(id: number): KeyAttributeName | undefined {
  return (Object.keys(KEY_ATTRIBUTE_IDS) as KeyAttributeName[]).find((name) => KEY_ATTRIBUTE_IDS[name] === id);
}
