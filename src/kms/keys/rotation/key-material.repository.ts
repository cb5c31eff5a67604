// Where key material versions and rotation settings are kept.

import type { KeyMaterialVersion, RotationSettings } from './key-material';

export interface KeyMaterialRepository {
  getVersion(keyId: string, keyMaterialId: string): KeyMaterialVersion | undefined;
  /** Oldest first. */
  versionsOf(keyId: string): KeyMaterialVersion[];
  saveVersion(version: KeyMaterialVersion): void;
  deleteVersionsOf(keyId: string): void;

  getRotation(keyId: string): RotationSettings | undefined;
  /** Every key's settings (to re-arm automatic rotations after a restart). */
  allRotations(): RotationSettings[];
  saveRotation(settings: RotationSettings): void;
  deleteRotation(keyId: string): void;
}
