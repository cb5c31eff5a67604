// The requests and responses of the imported key material operations, with the KMS model's member names.

import type { ExpirationModel } from '../rotation/key-material';

export interface GetParametersForImportRequest {
  readonly KeyId: string;
  readonly WrappingAlgorithm: string;
  readonly WrappingKeySpec: string;
}
export interface GetParametersForImportResponse {
  readonly KeyId: string;
  readonly ImportToken: Buffer;
  readonly PublicKey: Buffer;
  readonly ParametersValidTo: Date;
}

export interface ImportKeyMaterialRequest {
  readonly KeyId: string;
  readonly ImportToken: Buffer;
  readonly EncryptedKeyMaterial: Buffer;
  readonly ValidTo?: Date;
  readonly ExpirationModel?: ExpirationModel;
  readonly ImportType?: 'NEW_KEY_MATERIAL' | 'EXISTING_KEY_MATERIAL';
  readonly KeyMaterialDescription?: string;
  readonly KeyMaterialId?: string;
}
export interface ImportKeyMaterialResponse {
  readonly KeyId: string;
  readonly KeyMaterialId: string;
}

export interface DeleteImportedKeyMaterialRequest {
  readonly KeyId: string;
  readonly KeyMaterialId?: string;
}
export interface DeleteImportedKeyMaterialResponse {
  readonly KeyId: string;
  readonly KeyMaterialId: string;
}
