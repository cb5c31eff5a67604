// Opens the material of a key the simulator keeps (AWS_KMS, EXTERNAL) by version: the current one for new
// ciphertexts, the one a ciphertext names for old ones. An AWS_KMS key's first material stays where
// CreateKey sealed it (KmsKeyRepository.saveMaterial); later versions are in the KeyMaterialRepository.

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { KMSInvalidStateException } from '../../kms.errors';
import { KeyOrigin, type KmsKeyRecord, type SimulatorBacking } from '../domain/kms-key';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KeyMaterialVault } from '../ports/key-material-vault.port';
import type { KmsKeyRepository } from '../ports/kms-key.repository';
import { materialOwner } from './key-material';
import type { KeyMaterialRepository } from './key-material.repository';

/** A 256-bit AES key, as AWS_KMS symmetric keys are. */
export const MATERIAL_BYTES = 32;
/** KeyMaterialId is 64 hex digits. */
const KEY_MATERIAL_ID_BYTES = 32;

export type SimulatorKey = KmsKeyRecord & { readonly backing: SimulatorBacking };

export function isSimulatorKey(key: KmsKeyRecord): key is SimulatorKey {
  return key.backing.origin !== KeyOrigin.AWS_CLOUDHSM;
}

export function newKeyMaterialId(): string {
  return randomBytes(KEY_MATERIAL_ID_BYTES).toString('hex');
}

@injectable()
export class KeyMaterials {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly keys: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyMaterialVault) private readonly vault: KeyMaterialVault,
    @inject(KmsKeyFeatureTokens.KeyMaterialRepository) private readonly versions: KeyMaterialRepository,
  ) {}

  /** Runs `use` with the key's current material and its id. */
  withCurrent<T>(key: SimulatorKey, use: (material: Buffer, keyMaterialId: string) => T): T {
    const keyMaterialId = key.backing.keyMaterialId;
    if (keyMaterialId === undefined) throw new KMSInvalidStateException(`${key.arn} is pending import.`);
    return this.open(this.sealedVersion(key, keyMaterialId), key, (material) => use(material, keyMaterialId));
  }

  /** Runs `use` with the material a ciphertext names; a version 1 ciphertext names none: the original material. */
  withVersion<T>(key: SimulatorKey, keyMaterialId: string | undefined, use: (material: Buffer) => T): T {
    return this.open(keyMaterialId === undefined ? this.keys.getMaterial(key.keyId) : this.sealedVersion(key, keyMaterialId), key, use);
  }

  /** The id of the material a ciphertext of `key` was made with, as Decrypt reports it. */
  materialIdOf(key: SimulatorKey, named: string | undefined): string | undefined {
    if (named !== undefined) return named;
    return this.versions.versionsOf(materialOwner(key)).find((version) => version.original)?.keyMaterialId ?? key.backing.keyMaterialId;
  }

  /** A new random 256-bit material, sealed, with a new id. */
  newMaterial(): { keyMaterialId: string; sealed: Buffer } {
    const material = randomBytes(MATERIAL_BYTES);
    try {
      return { keyMaterialId: newKeyMaterialId(), sealed: this.vault.seal(material) };
    } finally {
      material.fill(0);
    }
  }

  seal(material: Buffer): Buffer {
    return this.vault.seal(material);
  }

  /** A later version, or (for an AWS_KMS key) the first one CreateKey sealed: a wrong guess fails the GCM tag. */
  private sealedVersion(key: SimulatorKey, keyMaterialId: string): Buffer | undefined {
    const version = this.versions.getVersion(materialOwner(key), keyMaterialId);
    if (version) return version.sealed;
    return key.backing.origin === KeyOrigin.AWS_KMS ? this.keys.getMaterial(key.keyId) : undefined;
  }

  private open<T>(sealed: Buffer | undefined, key: SimulatorKey, use: (material: Buffer) => T): T {
    // API_Decrypt: a key whose imported material is gone cannot decrypt (KMSInvalidStateException).
    if (sealed === undefined) throw new KMSInvalidStateException(`${key.arn} is pending import: its key material was deleted or expired.`);
    const material = this.vault.open(sealed);
    try {
      return use(material);
    } finally {
      material.fill(0);
    }
  }
}
