// The operations of asymmetric, HMAC and key agreement keys the endpoint serves (TrentService); kmsKeyHandlers
// merges them with the other KMS key operations.

import type { DependencyContainer } from 'tsyringe';
import type { KmsScope } from '../domain/kms-key';
import type * as Shapes from './asymmetric-key.shapes';
import { DataKeyPairService } from './data-key-pair.service';
import { KeyAgreementService } from './key-agreement.service';
import { MacService } from './mac.service';
import { PublicKeyService } from './public-key.service';
import { SigningService } from './signing.service';

/** The operation names, read off the handlers below. */
export type AsymmetricKeyOperation = keyof ReturnType<typeof asymmetricKeyHandlers>;

export function asymmetricKeyHandlers(container: DependencyContainer) {
  const signing = container.resolve(SigningService);
  const publicKeys = container.resolve(PublicKeyService);
  const macs = container.resolve(MacService);
  const agreement = container.resolve(KeyAgreementService);
  const pairs = container.resolve(DataKeyPairService);
  return {
    Sign: (input: Shapes.SignRequest, scope: KmsScope) => signing.sign(scope, input),
    Verify: (input: Shapes.VerifyRequest, scope: KmsScope) => signing.verify(scope, input),
    GetPublicKey: (input: Shapes.GetPublicKeyRequest, scope: KmsScope) => publicKeys.getPublicKey(scope, input),
    GenerateMac: (input: Shapes.GenerateMacRequest, scope: KmsScope) => macs.generateMac(scope, input),
    VerifyMac: (input: Shapes.VerifyMacRequest, scope: KmsScope) => macs.verifyMac(scope, input),
    DeriveSharedSecret: (input: Shapes.DeriveSharedSecretRequest, scope: KmsScope) => agreement.deriveSharedSecret(scope, input),
    GenerateDataKeyPair: (input: Shapes.GenerateDataKeyPairRequest, scope: KmsScope) => pairs.generateDataKeyPair(scope, input),
    GenerateDataKeyPairWithoutPlaintext: (input: Shapes.GenerateDataKeyPairWithoutPlaintextRequest, scope: KmsScope) => pairs.generateDataKeyPairWithoutPlaintext(scope, input),
  } satisfies Record<string, (input: never, context: KmsScope) => unknown>;
}
