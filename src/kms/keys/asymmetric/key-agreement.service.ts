// DeriveSharedSecret (API_DeriveSharedSecret) with an ECC key whose KeyUsage is KEY_AGREEMENT: ECDH
// (NIST SP 800-56A) between the key's private key and the caller's public key, the raw shared secret.

import { createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { ValidationException } from '../../kms.errors';
import { dryRunSucceeded, refuseRecipient } from '../domain/crypto-request.rules';
import { requireAlgorithm, requireKeyUsage } from '../domain/key-kind.rules';
import { algorithmsOf, KeyUsage, keySpecRow } from '../domain/key-spec.table';
import type { KmsScope } from '../domain/kms-key';
import { KeyResolver } from '../key-resolver';
import type { DeriveSharedSecretRequest, DeriveSharedSecretResponse } from './asymmetric-key.shapes';
import { KeySpecMaterial } from './key-spec-material';

@injectable()
export class KeyAgreementService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly material: KeySpecMaterial,
  ) {}

  deriveSharedSecret(scope: KmsScope, input: DeriveSharedSecretRequest): DeriveSharedSecretResponse {
    refuseRecipient(input.Recipient);
    const key = this.keys.require(scope, input.KeyId, 'DeriveSharedSecret');
    const kind = requireKeyUsage(key, KeyUsage.KEY_AGREEMENT, 'DeriveSharedSecret');
    requireAlgorithm(kind, input.KeyAgreementAlgorithm, algorithmsOf(kind).KeyAgreementAlgorithms);
    const curve = keySpecRow(kind.keySpec)!.namedCurve!;
    const peer = peerKey(input.PublicKey, curve, kind.keySpec);
    if (input.DryRun) throw dryRunSucceeded();
    const SharedSecret = diffieHellman({ privateKey: this.material.privateKey(key), publicKey: peer });
    return { KeyId: key.arn, SharedSecret, KeyAgreementAlgorithm: input.KeyAgreementAlgorithm, KeyOrigin: key.backing.origin };
  }
}

/**
 * API_DeriveSharedSecret PublicKey: "a DER-encoded X.509 public key, also known as SubjectPublicKeyInfo (SPKI)"
 * on the KMS key's curve. SIM: the exception and message for one that is not are the simulator's.
 */
function peerKey(der: Buffer, curve: string, keySpec: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new ValidationException('PublicKey is not a DER-encoded SubjectPublicKeyInfo (X.509 public key).');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== curve) {
    throw new ValidationException(`PublicKey must be an elliptic curve public key on the curve of KeySpec ${keySpec}.`);
  }
  return key;
}
