// Which calls the trail records, under which eventSource, and how: read-only or not, and whether the
// response appears in responseElements.

import { KEY_CRYPTOGRAPHIC_OPERATIONS } from '../kms/keys/domain/cryptographic-operations';

/** logging-using-cloudtrail (KMS, CloudHSM): the signing name of each recorded service, and its eventSource. */
export const EVENT_SOURCES: Readonly<Record<string, string>> = {
  kms: 'kms.amazonaws.com',
  cloudhsm: 'cloudhsm.amazonaws.com',
};

/**
 * ct-encrypt, ct-decrypt, ct-generatedatakey: cryptographic operations are recorded as readOnly with
 * `"responseElements": null` (the response holds ciphertext or plaintext).
 */
const CRYPTOGRAPHIC_OPERATIONS: ReadonlySet<string> = new Set([...KEY_CRYPTOGRAPHIC_OPERATIONS, 'GenerateRandom']);

/** Describe*, List*, Get* and the cryptographic operations change nothing: `"readOnly": true`. */
export function isReadOnly(operation: string): boolean {
  return /^(Describe|List|Get)/.test(operation) || CRYPTOGRAPHIC_OPERATIONS.has(operation);
}

/** ct-describekey, ct-encrypt: read-only calls have `"responseElements": null`; so has an empty output (ct-disablekey). */
export function showsResponse(operation: string): boolean {
  return !isReadOnly(operation);
}
