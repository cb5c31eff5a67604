// The requests and responses of ReplicateKey and UpdatePrimaryRegion, with the KMS model's member names.

import type { KeyMetadataShape } from '../domain/key-metadata.view';
import type { KmsTag } from '../domain/kms-key';

export interface ReplicateKeyRequest {
  readonly KeyId: string;
  readonly ReplicaRegion: string;
  readonly Policy?: string;
  /** SIM: key policies are not enforced, so there is no lockout to check. */
  readonly BypassPolicyLockoutSafetyCheck?: boolean;
  readonly Description?: string;
  readonly Tags?: readonly KmsTag[];
}
export interface ReplicateKeyResponse {
  readonly ReplicaKeyMetadata: KeyMetadataShape;
  readonly ReplicaPolicy: string;
  readonly ReplicaTags: readonly KmsTag[];
}

export interface UpdatePrimaryRegionRequest {
  readonly KeyId: string;
  readonly PrimaryRegion: string;
}
