// Rules every cryptographic request meets before any key material is touched (aws-behaviour 2.9, 2.10).

import { DryRunOperationException, InvalidKeyUsageException, UnsupportedOperationException, ValidationException } from '../../kms.errors';
import { SYMMETRIC_DEFAULT } from './create-key.rules';

/** API_GenerateDataKey: KeySpec AES_256 is 32 bytes, AES_128 16. */
const DATA_KEY_BYTES = { AES_256: 32, AES_128: 16 } as const;

/** The common awsJson message for a missing member the model does not mark required (aws-behaviour 1.3). */
export function missingMember(member: string): InstanceType<typeof ValidationException> {
  return new ValidationException(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}

/** InvalidKeyUsageException: "The encryption algorithm ... is incompatible with the type of key material in the KMS key". */
export function checkSymmetricAlgorithm(keyArn: string, algorithm: string | undefined): void {
  if (algorithm !== undefined && algorithm !== SYMMETRIC_DEFAULT) {
    throw new InvalidKeyUsageException(`${keyArn} is a symmetric encryption key: its only EncryptionAlgorithm is ${SYMMETRIC_DEFAULT}, not ${algorithm}.`);
  }
}

/** SIM: Nitro Enclaves attestation documents are not simulated. */
export function refuseRecipient(recipient: object | undefined): void {
  if (recipient !== undefined) throw new UnsupportedOperationException('Recipient (an AWS Nitro Enclaves attestation document) is not simulated: omit it.');
}

/** API_Encrypt DryRun: "checks whether you have permissions" and answers DryRunOperationException when the call would succeed. */
export function dryRunSucceeded(): InstanceType<typeof DryRunOperationException> {
  return new DryRunOperationException('The request would have succeeded, but the DryRun option is set.');
}

/** API_GenerateDataKey: exactly one of KeySpec and NumberOfBytes (the message real KMS sends). */
export function dataKeyLength({ KeySpec, NumberOfBytes }: { readonly KeySpec?: keyof typeof DATA_KEY_BYTES; readonly NumberOfBytes?: number }): number {
  if (KeySpec !== undefined && NumberOfBytes === undefined) return DATA_KEY_BYTES[KeySpec];
  if (NumberOfBytes !== undefined && KeySpec === undefined) return NumberOfBytes;
  throw new ValidationException('Please specify either number of bytes or key spec.');
}
