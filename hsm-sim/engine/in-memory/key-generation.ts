import { createSecretKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { checkSecretKeySpec } from '../engine-limits';
import { EcCurve, KeyClass, KeyType, type KeyPairSpec, type SecretKeyMaterial, type SecretKeySpec } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import type { KeyMaterial } from './key-material';

export interface KeyPairMaterial {
  readonly publicKey: KeyMaterial;
  readonly privateKey: KeyMaterial;
}

const RSA_MODULUS_BITS: readonly number[] = [2048, 3072, 4096];
const EC_CURVES: readonly string[] = [EcCurve.P256, EcCurve.P384];
const DEFAULT_PUBLIC_EXPONENT = 65537;

const generateKeyPairAsync = promisify(generateKeyPair);

export function generateSecretMaterial(spec: SecretKeySpec, operation: string): KeyMaterial {
  checkSecretKeySpec(spec, operation);
  return { class: KeyClass.SECRET, keyType: spec.type, key: createSecretKey(randomBytes(spec.bits / 8)) };
}

export function importSecretMaterial(material: SecretKeyMaterial, operation: string): KeyMaterial {
  checkSecretKeySpec({ type: material.type, bits: material.value.length * 8 } as SecretKeySpec, operation);
  return { class: KeyClass.SECRET, keyType: material.type, key: createSecretKey(Buffer.from(material.value)) };
}

export async function generateKeyPairMaterial(spec: KeyPairSpec, operation: string): Promise<KeyPairMaterial> {
  switch (spec.type) {
    case KeyType.RSA: {
      if (!RSA_MODULUS_BITS.includes(spec.modulusBits)) {
        throw new HsmError(Ckr.KEY_SIZE_RANGE, operation, `RSA key of ${spec.modulusBits} bits`);
      }
      const publicExponent = spec.publicExponent ?? DEFAULT_PUBLIC_EXPONENT;
      if (!Number.isSafeInteger(publicExponent) || publicExponent < 3 || publicExponent % 2 === 0) {
        throw new HsmError(Ckr.ATTRIBUTE_VALUE_INVALID, operation, `public exponent ${publicExponent}`);
      }
      return pairOf(KeyType.RSA, await generateKeyPairAsync('rsa', { modulusLength: spec.modulusBits, publicExponent }));
    }
    case KeyType.EC:
      if (!EC_CURVES.includes(spec.curve)) throw new HsmError(Ckr.ATTRIBUTE_VALUE_INVALID, operation, `curve ${spec.curve}`);
      return pairOf(KeyType.EC, await generateKeyPairAsync('ec', { namedCurve: spec.curve }));
  }
}

function pairOf(keyType: KeyType, pair: { publicKey: KeyObject; privateKey: KeyObject }): KeyPairMaterial {
  return {
    publicKey: { class: KeyClass.PUBLIC, keyType, key: pair.publicKey },
    privateKey: { class: KeyClass.PRIVATE, keyType, key: pair.privateKey },
  };
}
