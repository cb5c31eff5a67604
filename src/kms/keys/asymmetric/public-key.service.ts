// GetPublicKey (API_GetPublicKey): the DER SubjectPublicKeyInfo of an asymmetric AWS_KMS key, with what
// callers need to use it outside KMS: KeySpec, KeyUsage and the algorithms of that usage.

import { inject, injectable } from 'tsyringe';
import { UnsupportedOperationException } from '../../kms.errors';
import { kindOf } from '../domain/key-kind.rules';
import { algorithmsOf, keySpecRow } from '../domain/key-spec.table';
import type { KmsScope } from '../domain/kms-key';
import { KeyResolver } from '../key-resolver';
import type { GetPublicKeyRequest, GetPublicKeyResponse } from './asymmetric-key.shapes';
import { KeySpecMaterial } from './key-spec-material';

const SECRET_FAMILIES: ReadonlySet<string> = new Set(['symmetric', 'hmac']);

@injectable()
export class PublicKeyService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly material: KeySpecMaterial,
  ) {}

  getPublicKey(scope: KmsScope, input: GetPublicKeyRequest): GetPublicKeyResponse {
    const key = this.keys.require(scope, input.KeyId, 'GetPublicKey');
    const kind = kindOf(key);
    const row = keySpecRow(kind.keySpec)!;
    // API_GetPublicKey: "The KMS key that you use for this operation must be asymmetric"; a symmetric or HMAC key is UnsupportedOperationException.
    if (SECRET_FAMILIES.has(row.family)) throw new UnsupportedOperationException(`${key.arn} is not an asymmetric key.`);
    const { EncryptionAlgorithms, SigningAlgorithms, KeyAgreementAlgorithms } = algorithmsOf(kind);
    return {
      KeyId: key.arn,
      PublicKey: this.material.publicKey(key),
      ...(row.customerMasterKeySpec ? { CustomerMasterKeySpec: kind.keySpec } : {}),
      KeySpec: kind.keySpec,
      KeyUsage: kind.keyUsage,
      ...(EncryptionAlgorithms ? { EncryptionAlgorithms } : {}),
      ...(SigningAlgorithms ? { SigningAlgorithms } : {}),
      ...(KeyAgreementAlgorithms ? { KeyAgreementAlgorithms } : {}),
    };
  }
}
