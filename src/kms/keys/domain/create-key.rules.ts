// Where CreateKey puts a key (aws-behaviour 2.7): material kept by the simulator (AWS_KMS: every kind of
// key-spec.table.ts), imported later (EXTERNAL: symmetric) or in a CloudHSM key store (AWS_CLOUDHSM:
// symmetric encryption keys only); single-Region or, outside key stores, multi-Region.

import { UnsupportedOperationException, ValidationException } from '../../kms.errors';
import { KeyOrigin } from './kms-key';

export const SYMMETRIC_DEFAULT = 'SYMMETRIC_DEFAULT';
export const ENCRYPT_DECRYPT = 'ENCRYPT_DECRYPT';

export interface KeyKindRequest {
  readonly Origin?: KeyOrigin | 'EXTERNAL' | 'EXTERNAL_KEY_STORE';
  readonly CustomKeyStoreId?: string;
  readonly KeySpec?: string;
  readonly CustomerMasterKeySpec?: string;
  readonly KeyUsage?: string;
  readonly MultiRegion?: boolean;
  readonly XksKeyId?: string;
}

/** Where the new key's material will be. */
export type KeyPlacement =
  | { readonly origin: typeof KeyOrigin.AWS_KMS | typeof KeyOrigin.EXTERNAL }
  | { readonly origin: typeof KeyOrigin.AWS_CLOUDHSM; readonly customKeyStoreId: string };

/**
 * Where the key to create goes, or the exception. Open question 10: every combination a CloudHSM key
 * store cannot hold is UnsupportedOperationException, as are the ones the simulator does not serve yet.
 */
export function placementOf(request: KeyKindRequest): KeyPlacement {
  // API_CreateKey: CustomerMasterKeySpec is deprecated for KeySpec; "Do not use both in the same request".
  if (request.KeySpec !== undefined && request.CustomerMasterKeySpec !== undefined) {
    throw new ValidationException('Specify KeySpec or CustomerMasterKeySpec, not both (CustomerMasterKeySpec is deprecated).');
  }
  const origin = request.Origin ?? KeyOrigin.AWS_KMS;
  const keySpec = request.KeySpec ?? request.CustomerMasterKeySpec ?? SYMMETRIC_DEFAULT;
  const keyUsage = request.KeyUsage ?? ENCRYPT_DECRYPT;
  if (origin === 'EXTERNAL_KEY_STORE' || request.XksKeyId !== undefined) {
    // SIM: external key stores are not simulated (CreateCustomKeyStore refuses them too).
    throw new UnsupportedOperationException(`Origin ${origin} (an external key store) is not simulated: use AWS_KMS, EXTERNAL, or AWS_CLOUDHSM with a CustomKeyStoreId.`);
  }
  // create-cmk-keystore: a key in a CloudHSM key store needs CustomKeyStoreId and Origin AWS_CLOUDHSM together.
  const customKeyStoreId = request.CustomKeyStoreId;
  if (origin === KeyOrigin.AWS_CLOUDHSM && customKeyStoreId === undefined) {
    throw new UnsupportedOperationException('Origin AWS_CLOUDHSM needs the CustomKeyStoreId of the AWS CloudHSM key store to create the key in.');
  }
  if (origin !== KeyOrigin.AWS_CLOUDHSM && customKeyStoreId !== undefined) {
    throw new UnsupportedOperationException(`A key in custom key store ${customKeyStoreId} needs Origin AWS_CLOUDHSM, not ${origin}.`);
  }
  // create-cmk-keystore: only symmetric encryption keys, and no multi-Region keys, in a CloudHSM key store.
  // Open question 10: UnsupportedOperationException. AWS_KMS keys of other kinds: key-kind.rules.ts.
  const inStore = origin === KeyOrigin.AWS_CLOUDHSM;
  if (inStore && keySpec !== SYMMETRIC_DEFAULT) throw new UnsupportedOperationException(`An AWS CloudHSM key store holds only ${SYMMETRIC_DEFAULT} keys, not KeySpec ${keySpec}.`);
  if (inStore && keyUsage !== ENCRYPT_DECRYPT) throw new UnsupportedOperationException(`KeySpec ${SYMMETRIC_DEFAULT} needs KeyUsage ${ENCRYPT_DECRYPT}, not ${keyUsage}.`);
  // API_CreateKey MultiRegion: "You can't create multi-Region keys in a custom key store."
  if (request.MultiRegion === true && inStore) throw new UnsupportedOperationException('An AWS CloudHSM key store holds no multi-Region keys.');
  // SIM: imported key material is symmetric only here; AWS also imports asymmetric and HMAC key material.
  if (origin === KeyOrigin.EXTERNAL && keySpec !== SYMMETRIC_DEFAULT) {
    throw new UnsupportedOperationException(`The simulator imports ${SYMMETRIC_DEFAULT} key material only, not KeySpec ${keySpec}.`);
  }
  if (origin === KeyOrigin.AWS_CLOUDHSM && customKeyStoreId !== undefined) return { origin, customKeyStoreId };
  return { origin: origin === KeyOrigin.EXTERNAL ? KeyOrigin.EXTERNAL : KeyOrigin.AWS_KMS };
}
