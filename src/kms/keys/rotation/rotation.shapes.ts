// The requests and responses of the rotation operations, with the KMS model's member names.

import type { ExpirationModel, RotationType } from './key-material';

export interface EnableKeyRotationRequest {
  readonly KeyId: string;
  readonly RotationPeriodInDays?: number;
}
export interface GetKeyRotationStatusResponse {
  readonly KeyId: string;
  readonly KeyRotationEnabled: boolean;
  readonly RotationPeriodInDays?: number;
  readonly NextRotationDate?: Date;
  readonly OnDemandRotationStartDate?: Date;
}
export interface ListKeyRotationsRequest {
  readonly KeyId: string;
  readonly IncludeKeyMaterial?: 'ALL_KEY_MATERIAL' | 'ROTATIONS_ONLY';
  readonly Limit?: number;
  readonly Marker?: string;
}
export interface RotationsListEntry {
  readonly KeyId: string;
  readonly KeyMaterialId: string;
  readonly KeyMaterialDescription?: string;
  readonly ImportState?: 'IMPORTED' | 'PENDING_IMPORT';
  readonly KeyMaterialState: 'NON_CURRENT' | 'CURRENT' | 'PENDING_ROTATION';
  readonly ExpirationModel?: ExpirationModel;
  readonly ValidTo?: Date;
  readonly RotationDate?: Date;
  readonly RotationType?: RotationType;
}
export interface ListKeyRotationsResponse {
  readonly Rotations: RotationsListEntry[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}
