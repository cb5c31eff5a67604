import { createPrivateKey, createSecretKey, type KeyObject } from 'node:crypto';
import { KeyClass, KeyType, type UnwrapTemplate } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { curveOf, type KeyMaterial } from './key-material';

const AES_KEY_BYTES: readonly number[] = [16, 24, 32];
const NODE_KEY_TYPES: Readonly<Partial<Record<KeyType, string>>> = { [KeyType.RSA]: 'rsa', [KeyType.EC]: 'ec' };

export function importUnwrapped(template: UnwrapTemplate, bytes: Buffer, operation: string): KeyMaterial {
  if (template.class === KeyClass.SECRET && (template.keyType === KeyType.AES || template.keyType === KeyType.GENERIC_SECRET)) {
    if (bytes.length === 0 || (template.keyType === KeyType.AES && !AES_KEY_BYTES.includes(bytes.length))) {
      throw new HsmError(Ckr.WRAPPED_KEY_INVALID, operation, `${template.keyType} key of ${bytes.length} bytes`);
    }
    return { class: KeyClass.SECRET, keyType: template.keyType, key: createSecretKey(bytes) };
  }
  if (template.class === KeyClass.PRIVATE && (template.keyType === KeyType.RSA || template.keyType === KeyType.EC)) {
    return { class: KeyClass.PRIVATE, keyType: template.keyType, key: parsePrivateKey(template.keyType, bytes, operation) };
  }
  throw new HsmError(Ckr.TEMPLATE_INCONSISTENT, operation, 'class and key type do not fit');
}

function parsePrivateKey(keyType: KeyType, der: Buffer, operation: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new HsmError(Ckr.WRAPPED_KEY_INVALID, operation, 'not a PKCS#8 private key');
  }
  if (key.asymmetricKeyType !== NODE_KEY_TYPES[keyType] || (keyType === KeyType.EC && curveOf(key) === undefined)) {
    throw new HsmError(Ckr.WRAPPED_KEY_INVALID, operation, `not a supported ${keyType} private key`);
  }
  return key;
}
