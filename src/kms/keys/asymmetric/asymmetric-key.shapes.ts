// The requests and responses of the asymmetric, HMAC and key agreement operations, with the KMS model's
// member names (src/wire/models/kms.model.json); only the members the simulator reads or writes.

import type { EncryptionContext } from '../domain/encryption-context';
import type { MessageType } from '../domain/signing.rules';

type KeyRequest = { readonly KeyId: string; readonly GrantTokens?: readonly string[]; readonly DryRun?: boolean };
type WithRecipient = { readonly Recipient?: { readonly KeyEncryptionAlgorithm?: string; readonly AttestationDocument?: Buffer } };

export type SignRequest = KeyRequest & { readonly Message: Buffer; readonly MessageType?: MessageType; readonly SigningAlgorithm: string };
export interface SignResponse {
  readonly KeyId: string;
  readonly Signature: Buffer;
  readonly SigningAlgorithm: string;
}
export type VerifyRequest = SignRequest & { readonly Signature: Buffer };
export interface VerifyResponse {
  readonly KeyId: string;
  readonly SignatureValid: boolean;
  readonly SigningAlgorithm: string;
}

export type GetPublicKeyRequest = Omit<KeyRequest, 'DryRun'>;
export interface GetPublicKeyResponse {
  readonly KeyId: string;
  readonly PublicKey: Buffer;
  readonly CustomerMasterKeySpec?: string;
  readonly KeySpec: string;
  readonly KeyUsage: string;
  readonly EncryptionAlgorithms?: readonly string[];
  readonly SigningAlgorithms?: readonly string[];
  readonly KeyAgreementAlgorithms?: readonly string[];
}

export type GenerateMacRequest = KeyRequest & { readonly Message: Buffer; readonly MacAlgorithm: string };
export interface GenerateMacResponse {
  readonly KeyId: string;
  readonly Mac: Buffer;
  readonly MacAlgorithm: string;
}
export type VerifyMacRequest = GenerateMacRequest & { readonly Mac: Buffer };
export interface VerifyMacResponse {
  readonly KeyId: string;
  readonly MacValid: boolean;
  readonly MacAlgorithm: string;
}

export type DeriveSharedSecretRequest = KeyRequest & WithRecipient & { readonly KeyAgreementAlgorithm: string; readonly PublicKey: Buffer };
export interface DeriveSharedSecretResponse {
  readonly KeyId: string;
  readonly SharedSecret: Buffer;
  readonly KeyAgreementAlgorithm: string;
  readonly KeyOrigin: string;
}

export type GenerateDataKeyPairWithoutPlaintextRequest = KeyRequest & { readonly KeyPairSpec: string; readonly EncryptionContext?: EncryptionContext };
export type GenerateDataKeyPairRequest = GenerateDataKeyPairWithoutPlaintextRequest & WithRecipient;
export interface GenerateDataKeyPairWithoutPlaintextResponse {
  readonly KeyId: string;
  readonly KeyPairSpec: string;
  readonly PrivateKeyCiphertextBlob: Buffer;
  readonly PublicKey: Buffer;
  readonly KeyMaterialId?: string;
}
export interface GenerateDataKeyPairResponse extends GenerateDataKeyPairWithoutPlaintextResponse {
  readonly PrivateKeyPlaintext: Buffer;
}
