import type { KeyObject } from 'node:crypto';
import { EcCurve, KeyClass, KeyType, type KeyAttributes } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';

export interface KeyMaterial {
  readonly class: KeyClass;
  readonly keyType: KeyType;
  readonly key: KeyObject;
}

type SizeAttributes = Pick<KeyAttributes, 'valueLength' | 'modulusBits' | 'curve'>;

const CURVES_BY_NODE_NAME: Readonly<Record<string, EcCurve>> = {
  prime256v1: EcCurve.P256,
  secp384r1: EcCurve.P384,
};

export function curveOf(key: KeyObject): EcCurve | undefined {
  const namedCurve = key.asymmetricKeyDetails?.namedCurve;
  return namedCurve === undefined ? undefined : CURVES_BY_NODE_NAME[namedCurve];
}

export function sizeAttributes(material: KeyMaterial): SizeAttributes {
  switch (material.keyType) {
    case KeyType.AES:
    case KeyType.GENERIC_SECRET:
      return { valueLength: material.key.symmetricKeySize ?? 0 };
    case KeyType.RSA:
      return { modulusBits: material.key.asymmetricKeyDetails?.modulusLength ?? 0 };
    case KeyType.EC: {
      const curve = curveOf(material.key);
      return curve === undefined ? {} : { curve };
    }
  }
}

export function publicKeySpki(material: KeyMaterial, operation: string): Buffer {
  if (material.class !== KeyClass.PUBLIC) throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, operation, 'not a public key');
  return material.key.export({ type: 'spki', format: 'der' });
}

export function wrappableBytes(material: KeyMaterial, operation: string): Buffer {
  switch (material.class) {
    case KeyClass.SECRET:
      return material.key.export();
    case KeyClass.PRIVATE:
      return material.key.export({ type: 'pkcs8', format: 'der' });
    case KeyClass.PUBLIC:
      throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, operation, 'public keys cannot be wrapped');
  }
}
