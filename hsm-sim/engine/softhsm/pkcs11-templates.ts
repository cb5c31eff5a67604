// Port key options <-> PKCS#11 attribute templates. Every attribute is sent explicitly so that SoftHSM's
// own defaults never leak into the port's semantics (see KeyObjectOptions).

import * as p from 'pkcs11js';
import { EcCurve, KeyClass, KeyType, type KeyAttributes, type KeyHandle, type KeyObjectOptions, type KeyQuery, type KeyAttributeUpdate, type KeyUsage } from '../hsm-engine.types';

export const classCodes: Record<KeyClass, number> = {
  [KeyClass.SECRET]: p.CKO_SECRET_KEY,
  [KeyClass.PUBLIC]: p.CKO_PUBLIC_KEY,
  [KeyClass.PRIVATE]: p.CKO_PRIVATE_KEY,
};

export const keyTypeCodes: Record<KeyType, number> = {
  [KeyType.AES]: p.CKK_AES,
  [KeyType.GENERIC_SECRET]: p.CKK_GENERIC_SECRET,
  [KeyType.RSA]: p.CKK_RSA,
  [KeyType.EC]: p.CKK_EC,
};

/** DER-encoded namedCurve OIDs (CKA_EC_PARAMS). */
export const curveParameters: Record<EcCurve, Buffer> = {
  [EcCurve.P256]: Buffer.from('06082a8648ce3d030107', 'hex'),
  [EcCurve.P384]: Buffer.from('06052b81040022', 'hex'),
};

const classNames = invert(classCodes);
const keyTypeNames = invert(keyTypeCodes);

type Template = p.Template;

/** Which usage flags PKCS#11 defines for each object class. */
const usageAttributes: Record<KeyClass, ReadonlyArray<[keyof KeyUsage, number]>> = {
  [KeyClass.SECRET]: [
    ['encrypt', p.CKA_ENCRYPT], ['decrypt', p.CKA_DECRYPT], ['wrap', p.CKA_WRAP], ['unwrap', p.CKA_UNWRAP],
    ['sign', p.CKA_SIGN], ['verify', p.CKA_VERIFY], ['derive', p.CKA_DERIVE],
  ],
  [KeyClass.PUBLIC]: [['encrypt', p.CKA_ENCRYPT], ['wrap', p.CKA_WRAP], ['verify', p.CKA_VERIFY], ['derive', p.CKA_DERIVE]],
  [KeyClass.PRIVATE]: [['decrypt', p.CKA_DECRYPT], ['unwrap', p.CKA_UNWRAP], ['sign', p.CKA_SIGN], ['derive', p.CKA_DERIVE]],
};

export function objectTemplate(keyClass: KeyClass, options: KeyObjectOptions): Template {
  const template: Template = [
    { type: p.CKA_TOKEN, value: options.token ?? false },
    { type: p.CKA_PRIVATE, value: true },
    { type: p.CKA_LABEL, value: options.label ?? '' },
    { type: p.CKA_ID, value: options.id ?? Buffer.alloc(0) },
  ];
  for (const [option, attribute] of usageAttributes[keyClass]) {
    template.push({ type: attribute, value: options[option] === true });
  }
  if (keyClass !== KeyClass.PUBLIC) {
    template.push({ type: p.CKA_EXTRACTABLE, value: options.extractable ?? false });
    template.push({ type: p.CKA_SENSITIVE, value: options.sensitive ?? true });
  }
  return template;
}

export function updateTemplate(keyClass: KeyClass, update: KeyAttributeUpdate): Template {
  const template: Template = [];
  if (update.label !== undefined) template.push({ type: p.CKA_LABEL, value: update.label });
  if (update.id !== undefined) template.push({ type: p.CKA_ID, value: update.id });
  for (const [option, attribute] of usageAttributes[keyClass]) {
    const value = update[option];
    if (value !== undefined) template.push({ type: attribute, value });
  }
  if (keyClass !== KeyClass.PUBLIC) {
    if (update.extractable !== undefined) template.push({ type: p.CKA_EXTRACTABLE, value: update.extractable });
    if (update.sensitive !== undefined) template.push({ type: p.CKA_SENSITIVE, value: update.sensitive });
  }
  return template;
}

export function queryTemplate(query: KeyQuery): Template {
  const template: Template = [];
  if (query.label !== undefined) template.push({ type: p.CKA_LABEL, value: query.label });
  if (query.id !== undefined) template.push({ type: p.CKA_ID, value: query.id });
  if (query.class !== undefined) template.push({ type: p.CKA_CLASS, value: classCodes[query.class] });
  if (query.keyType !== undefined) template.push({ type: p.CKA_KEY_TYPE, value: keyTypeCodes[query.keyType] });
  if (query.token !== undefined) template.push({ type: p.CKA_TOKEN, value: query.token });
  return template;
}

type AttributeReader = (types: number[]) => Map<number, Buffer>;

/** Reads every port attribute of one object: common ones first, then those of its class and type. */
export function readKeyAttributes(handle: KeyHandle, read: AttributeReader): KeyAttributes {
  const head = read([p.CKA_CLASS, p.CKA_KEY_TYPE, p.CKA_LABEL, p.CKA_ID, p.CKA_TOKEN, p.CKA_LOCAL]);
  const keyClass = classNames.get(ulong(head.get(p.CKA_CLASS)));
  const keyType = keyTypeNames.get(ulong(head.get(p.CKA_KEY_TYPE)));
  if (!keyClass || !keyType) throw new Error(`object ${handle} is not a key this engine knows`);

  const usage = read(usageAttributes[keyClass].map(([, attribute]) => attribute));
  const flag = (option: keyof KeyUsage): boolean => {
    const entry = usageAttributes[keyClass].find(([name]) => name === option);
    return entry ? bool(usage.get(entry[1])) : false;
  };
  const protection =
    keyClass === KeyClass.PUBLIC
      ? { extractable: true, sensitive: false, alwaysSensitive: false, neverExtractable: false }
      : (() => {
          const values = read([p.CKA_EXTRACTABLE, p.CKA_SENSITIVE, p.CKA_ALWAYS_SENSITIVE, p.CKA_NEVER_EXTRACTABLE]);
          return {
            extractable: bool(values.get(p.CKA_EXTRACTABLE)),
            sensitive: bool(values.get(p.CKA_SENSITIVE)),
            alwaysSensitive: bool(values.get(p.CKA_ALWAYS_SENSITIVE)),
            neverExtractable: bool(values.get(p.CKA_NEVER_EXTRACTABLE)),
          };
        })();

  return {
    handle,
    class: keyClass,
    keyType,
    label: (head.get(p.CKA_LABEL) ?? Buffer.alloc(0)).toString('utf8'),
    id: Buffer.from(head.get(p.CKA_ID) ?? Buffer.alloc(0)),
    token: bool(head.get(p.CKA_TOKEN)),
    local: bool(head.get(p.CKA_LOCAL)),
    encrypt: flag('encrypt'),
    decrypt: flag('decrypt'),
    wrap: flag('wrap'),
    unwrap: flag('unwrap'),
    sign: flag('sign'),
    verify: flag('verify'),
    derive: flag('derive'),
    ...protection,
    ...typeSpecificAttributes(keyClass, keyType, read),
  };
}

function typeSpecificAttributes(keyClass: KeyClass, keyType: KeyType, read: AttributeReader): Partial<KeyAttributes> {
  if (keyClass === KeyClass.SECRET) {
    const valueLength = ulong(read([p.CKA_VALUE_LEN]).get(p.CKA_VALUE_LEN));
    return valueLength > 0 ? { valueLength } : {};
  }
  if (keyType === KeyType.RSA) {
    const modulus = read([p.CKA_MODULUS]).get(p.CKA_MODULUS) ?? Buffer.alloc(0);
    return { modulusBits: bitLength(modulus) };
  }
  if (keyType === KeyType.EC) {
    const parameters = read([p.CKA_EC_PARAMS]).get(p.CKA_EC_PARAMS) ?? Buffer.alloc(0);
    const curve = (Object.keys(curveParameters) as EcCurve[]).find((name) => curveParameters[name].equals(parameters));
    return curve ? { curve } : {};
  }
  return {};
}

function bitLength(bigEndian: Buffer): number {
  const first = bigEndian.findIndex((byte) => byte !== 0);
  if (first < 0) return 0;
  return (bigEndian.length - first - 1) * 8 + (32 - Math.clz32(bigEndian[first] ?? 0));
}

function ulong(value: Buffer | undefined): number {
  return value && value.length >= 4 ? value.readUInt32LE(0) : 0;
}

function bool(value: Buffer | undefined): boolean {
  return value !== undefined && value.length > 0 && value[0] !== 0;
}

function invert<K extends string>(record: Record<K, number>): Map<number, K> {
  return new Map(Object.entries(record).map(([name, code]) => [code as number, name as K]));
}
