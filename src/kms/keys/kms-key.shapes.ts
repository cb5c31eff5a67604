// The requests and responses of the KMS key operations, with the KMS model's member names
// (src/wire/models/kms.model.json); only the members the simulator reads or writes.

import type { KeyKindRequest } from './domain/create-key.rules';
import type { EncryptionContext } from './domain/encryption-context';
import type { KeyMetadataShape } from './domain/key-metadata.view';
import type { KmsTag } from './domain/kms-key';
import type { KeyState } from './domain/kms-key.states';

export type EncryptionAlgorithm = 'SYMMETRIC_DEFAULT' | 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256' | 'SM2PKE';

/** Checked by grants/grant-token.validator.ts before the operation runs (kms-key.handlers.ts). */
type WithGrantTokens = { readonly GrantTokens?: readonly string[] };
type DryRunnable = { readonly DryRun?: boolean };
/** Nitro Enclaves attestation (Recipient) is not simulated. */
type WithRecipient = { readonly Recipient?: { readonly KeyEncryptionAlgorithm?: string; readonly AttestationDocument?: Buffer } };
type Listing = { readonly Limit?: number; readonly Marker?: string };
type Listed = { readonly Truncated: boolean; readonly NextMarker?: string };

export interface KeyIdRequest {
  readonly KeyId: string;
}

export interface CreateKeyRequest extends KeyKindRequest {
  readonly Policy?: string;
  readonly Description?: string;
  readonly Tags?: readonly KmsTag[];
  /** SIM: key policies are not enforced, so there is no lockout to check. */
  readonly BypassPolicyLockoutSafetyCheck?: boolean;
}

export interface KeyMetadataResponse {
  readonly KeyMetadata: KeyMetadataShape;
}

export type DescribeKeyRequest = KeyIdRequest & WithGrantTokens;
export type ListKeysRequest = Listing;
export interface ListKeysResponse extends Listed {
  readonly Keys: { readonly KeyId: string; readonly KeyArn: string }[];
}

export interface ScheduleKeyDeletionRequest extends KeyIdRequest {
  readonly PendingWindowInDays?: number;
}
export interface ScheduleKeyDeletionResponse {
  readonly KeyId: string;
  /** Absent while a multi-Region primary key waits for its replicas to be deleted (PendingReplicaDeletion). */
  readonly DeletionDate?: Date;
  readonly KeyState: KeyState;
  readonly PendingWindowInDays: number;
}

export interface UpdateKeyDescriptionRequest extends KeyIdRequest {
  readonly Description: string;
}

export type EncryptRequest = KeyIdRequest &
  WithGrantTokens &
  DryRunnable & {
    readonly Plaintext: Buffer;
    readonly EncryptionContext?: EncryptionContext;
    readonly EncryptionAlgorithm?: EncryptionAlgorithm;
  };
export interface EncryptResponse {
  readonly CiphertextBlob: Buffer;
  readonly KeyId: string;
  readonly EncryptionAlgorithm: EncryptionAlgorithm;
}

export type DecryptRequest = WithGrantTokens &
  DryRunnable &
  WithRecipient & {
    readonly CiphertextBlob?: Buffer;
    readonly KeyId?: string;
    readonly EncryptionContext?: EncryptionContext;
    readonly EncryptionAlgorithm?: EncryptionAlgorithm;
    readonly DryRunModifiers?: readonly 'IGNORE_CIPHERTEXT'[];
  };
export interface DecryptResponse {
  readonly KeyId: string;
  readonly Plaintext: Buffer;
  readonly EncryptionAlgorithm: EncryptionAlgorithm;
  readonly KeyMaterialId?: string;
}

export type ReEncryptRequest = WithGrantTokens &
  DryRunnable & {
    readonly CiphertextBlob: Buffer;
    readonly SourceKeyId?: string;
    readonly SourceEncryptionContext?: EncryptionContext;
    readonly SourceEncryptionAlgorithm?: EncryptionAlgorithm;
    readonly DestinationKeyId: string;
    readonly DestinationEncryptionContext?: EncryptionContext;
    readonly DestinationEncryptionAlgorithm?: EncryptionAlgorithm;
    readonly DryRunModifiers?: readonly 'IGNORE_CIPHERTEXT'[];
  };
export interface ReEncryptResponse {
  readonly CiphertextBlob: Buffer;
  readonly SourceKeyId: string;
  readonly KeyId: string;
  readonly SourceEncryptionAlgorithm: EncryptionAlgorithm;
  readonly DestinationEncryptionAlgorithm: EncryptionAlgorithm;
  readonly SourceKeyMaterialId?: string;
  readonly DestinationKeyMaterialId?: string;
}

export type GenerateDataKeyRequest = KeyIdRequest &
  WithGrantTokens &
  DryRunnable &
  WithRecipient & {
    readonly KeySpec?: 'AES_256' | 'AES_128';
    readonly NumberOfBytes?: number;
    readonly EncryptionContext?: EncryptionContext;
  };
export type GenerateDataKeyWithoutPlaintextRequest = Omit<GenerateDataKeyRequest, 'Recipient'>;
export interface GenerateDataKeyWithoutPlaintextResponse {
  readonly CiphertextBlob: Buffer;
  readonly KeyId: string;
  readonly KeyMaterialId?: string;
}
export interface GenerateDataKeyResponse extends GenerateDataKeyWithoutPlaintextResponse {
  readonly Plaintext: Buffer;
}

export type GenerateRandomRequest = WithRecipient & {
  readonly NumberOfBytes?: number;
  readonly CustomKeyStoreId?: string;
};
export interface GenerateRandomResponse {
  readonly Plaintext: Buffer;
}

export interface AliasRequest {
  readonly AliasName: string;
  readonly TargetKeyId: string;
}
export type ListAliasesRequest = Listing & { readonly KeyId?: string };
export interface AliasListEntry {
  readonly AliasName: string;
  readonly AliasArn: string;
  readonly TargetKeyId: string;
  readonly CreationDate: Date;
  readonly LastUpdatedDate: Date;
}
export interface ListAliasesResponse extends Listed {
  readonly Aliases: AliasListEntry[];
}

export interface TagResourceRequest extends KeyIdRequest {
  readonly Tags: readonly KmsTag[];
}
export interface UntagResourceRequest extends KeyIdRequest {
  readonly TagKeys: readonly string[];
}
export type ListResourceTagsRequest = KeyIdRequest & Listing;
export interface ListResourceTagsResponse extends Listed {
  readonly Tags: KmsTag[];
}

export interface GetKeyPolicyRequest extends KeyIdRequest {
  readonly PolicyName?: string;
}
export interface GetKeyPolicyResponse {
  readonly Policy: string;
  readonly PolicyName: string;
}
export interface PutKeyPolicyRequest extends KeyIdRequest {
  readonly Policy: string;
  readonly PolicyName?: string;
  /** SIM: key policies are not enforced, so there is no lockout to check. */
  readonly BypassPolicyLockoutSafetyCheck?: boolean;
}
export type ListKeyPoliciesRequest = KeyIdRequest & Listing;
export interface ListKeyPoliciesResponse extends Listed {
  readonly PolicyNames: string[];
}

export type Empty = Record<string, never>;
