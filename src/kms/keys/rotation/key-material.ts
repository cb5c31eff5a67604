// The versions of a key's material beyond the one CreateKey made (which KmsKeyRepository.saveMaterial
// keeps): every rotation adds one, every import of EXTERNAL material adds or refreshes one. Multi-Region
// keys share them: they are kept by key id, and every key of a multi-Region set has the same id; except
// imported material, which each key of a set has imported (and may delete, or let expire) on its own.

import { KeyOrigin, type KmsKeyRecord } from '../domain/kms-key';

/** Whose versions a key uses: its key id, or for an EXTERNAL multi-Region key its own Region's. */
export function materialOwner(key: KmsKeyRecord): string {
  return key.multiRegion && key.backing.origin === KeyOrigin.EXTERNAL ? `${key.keyId}@${key.region}` : key.keyId;
}

export const RotationType = { AUTOMATIC: 'AUTOMATIC', ON_DEMAND: 'ON_DEMAND' } as const;
export type RotationType = (typeof RotationType)[keyof typeof RotationType];

export const ExpirationModel = { KEY_MATERIAL_EXPIRES: 'KEY_MATERIAL_EXPIRES', KEY_MATERIAL_DOES_NOT_EXPIRE: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } as const;
export type ExpirationModel = (typeof ExpirationModel)[keyof typeof ExpirationModel];

export interface KeyMaterialVersion {
  readonly [key: string]: unknown;
  /** The owner (materialOwner): the key id, or key id @ Region. */
  readonly keyId: string;
  readonly keyMaterialId: string;
  /** Sealed by the KeyMaterialVault; absent while imported material is gone (expired or deleted). */
  readonly sealed?: Buffer;
  readonly createdAt: Date;
  /** Set once the material became current by a rotation. */
  readonly rotationDate?: Date;
  readonly rotationType?: RotationType;
  /** The material CreateKey made, copied here at the first rotation (version 1 ciphertexts name none). */
  readonly original?: boolean;
  /** EXTERNAL keys: how the material was imported. */
  readonly imported?: {
    readonly expirationModel: ExpirationModel;
    readonly validTo?: Date;
    readonly description?: string;
    /** ImportType NEW_KEY_MATERIAL before RotateKeyOnDemand makes it current. */
    readonly pendingRotation?: boolean;
  };
}

/** Rotation settings of a key (of a multi-Region set: its primary's). */
export interface RotationSettings {
  readonly [key: string]: unknown;
  readonly keyId: string;
  readonly enabled: boolean;
  readonly rotationPeriodInDays: number;
  readonly nextRotationDate?: Date;
  /** How many on-demand rotations the key has had (resource quota). */
  readonly onDemandRotations: number;
}
