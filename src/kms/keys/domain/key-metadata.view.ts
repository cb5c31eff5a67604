// KeyMetadata as DescribeKey, CreateKey and the other operations return it (aws-behaviour 2.0).

import { algorithmsOf, keySpecRow, SYMMETRIC_KIND, type KeyKind } from './key-spec.table';
import { KeyOrigin, type KmsKeyRecord } from './kms-key';
import { KeyState } from './kms-key.states';

export interface KeyMetadataShape {
  readonly AWSAccountId: string;
  readonly KeyId: string;
  readonly Arn: string;
  readonly CreationDate: Date;
  readonly Enabled: boolean;
  readonly Description: string;
  readonly KeyUsage: string;
  readonly KeyState: KeyState;
  readonly DeletionDate?: Date;
  readonly PendingDeletionWindowInDays?: number;
  readonly Origin: KeyOrigin;
  readonly CustomKeyStoreId?: string;
  readonly CloudHsmClusterId?: string;
  readonly KeyManager: 'CUSTOMER';
  readonly CustomerMasterKeySpec?: string;
  readonly KeySpec: string;
  readonly EncryptionAlgorithms?: readonly string[];
  readonly SigningAlgorithms?: readonly string[];
  readonly MacAlgorithms?: readonly string[];
  readonly KeyAgreementAlgorithms?: readonly string[];
  readonly MultiRegion: boolean;
  readonly MultiRegionConfiguration?: MultiRegionConfigurationShape;
  readonly CurrentKeyMaterialId?: string;
  readonly ExpirationModel?: string;
  readonly ValidTo?: Date;
}

export interface MultiRegionConfigurationShape {
  readonly MultiRegionKeyType: 'PRIMARY' | 'REPLICA';
  readonly PrimaryKey: { readonly Arn: string; readonly Region: string };
  readonly ReplicaKeys: { readonly Arn: string; readonly Region: string }[];
}

/** `state` is the visible one; `cloudHsmClusterId` the store's cluster now (UpdateCustomKeyStore can move it to a related cluster). */
export function keyMetadata(record: KmsKeyRecord, state: KeyState, cloudHsmClusterId?: string, multiRegion?: MultiRegionConfigurationShape): KeyMetadataShape {
  const { backing } = record;
  const kind = (record.kind as KeyKind | undefined) ?? SYMMETRIC_KIND;
  return {
    AWSAccountId: record.accountId,
    KeyId: record.keyId,
    Arn: record.arn,
    CreationDate: record.creationDate,
    // 2.0: Enabled is true only when KeyState is Enabled; DeletionDate only in PendingDeletion.
    Enabled: state === KeyState.Enabled,
    Description: record.description,
    KeyUsage: kind.keyUsage,
    KeyState: state,
    ...(state === KeyState.PendingDeletion && record.deletionDate ? { DeletionDate: record.deletionDate } : {}),
    // API_KeyMetadata: PendingDeletionWindowInDays "is present only when KeyState is PendingReplicaDeletion".
    ...(state === KeyState.PendingReplicaDeletion && record.pendingWindowInDays ? { PendingDeletionWindowInDays: record.pendingWindowInDays } : {}),
    Origin: backing.origin,
    ...(backing.origin === KeyOrigin.AWS_CLOUDHSM
      ? { CustomKeyStoreId: backing.customKeyStoreId, CloudHsmClusterId: cloudHsmClusterId ?? backing.cloudHsmClusterId }
      : {}),
    KeyManager: 'CUSTOMER',
    // API_KeyMetadata: CustomerMasterKeySpec (deprecated) only for the specs its enum has; the algorithms of the key's usage only.
    ...(keySpecRow(kind.keySpec)?.customerMasterKeySpec ? { CustomerMasterKeySpec: kind.keySpec } : {}),
    KeySpec: kind.keySpec,
    ...algorithmsOf(kind),
    MultiRegion: multiRegion !== undefined,
    ...(multiRegion ? { MultiRegionConfiguration: multiRegion } : {}),
    // API_KeyMetadata: CurrentKeyMaterialId is present for AWS_KMS and EXTERNAL keys only.
    ...(backing.origin !== KeyOrigin.AWS_CLOUDHSM && backing.keyMaterialId !== undefined ? { CurrentKeyMaterialId: backing.keyMaterialId } : {}),
    // API_KeyMetadata: ExpirationModel only for EXTERNAL keys with material, ValidTo only when it expires.
    ...(backing.origin === KeyOrigin.EXTERNAL && backing.imported && backing.expirationModel ? { ExpirationModel: backing.expirationModel } : {}),
    ...(backing.origin === KeyOrigin.EXTERNAL && backing.imported && backing.validTo ? { ValidTo: backing.validTo } : {}),
  };
}
