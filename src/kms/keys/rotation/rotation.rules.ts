// Which keys rotate (rotate-keys.html, API_EnableKeyRotation, API_RotateKeyOnDemand; aws-behaviour 2.14).

import type { AwsException } from '../../../shared/aws-exception';
import { UnsupportedOperationException } from '../../kms.errors';
import { KeyOrigin, type LiveKeyRecord } from '../domain/kms-key';

export type RotationOperation = 'EnableKeyRotation' | 'DisableKeyRotation' | 'GetKeyRotationStatus' | 'RotateKeyOnDemand' | 'ListKeyRotations';

/** API_EnableKeyRotation: RotationPeriodInDays "between 90 and 2560 days", default 365. */
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** resource-limits "On-demand rotation: 25" per key, not adjustable (the API page still says 10: the quotas page is the newer). */
export const MAX_ON_DEMAND_ROTATIONS = 25;

function originRefused(key: LiveKeyRecord): AwsException {
  // The message real KMS sends (observed for GetKeyRotationStatus and EnableKeyRotation).
  return new UnsupportedOperationException(`${key.arn} origin is ${key.backing.origin} which is not valid for this operation.`);
}

/**
 * The refusal `operation` gets from a key that cannot rotate, before its state is looked at; undefined when
 * it may rotate. `keySpec`/`keyUsage` come from its KeyMetadata; `replica` is true for a multi-Region replica.
 */
export function rotationRefusal(key: LiveKeyRecord, keySpec: string, keyUsage: string, replica: boolean, operation: RotationOperation): AwsException | undefined {
  // aws-behaviour 2.14: "EnableKeyRotation / DisableKeyRotation / GetKeyRotationStatus / RotateKeyOnDemand -> UnsupportedOperationException" in a custom key store.
  if (key.backing.origin === KeyOrigin.AWS_CLOUDHSM) return originRefused(key);
  const symmetric = keySpec === 'SYMMETRIC_DEFAULT' && keyUsage === 'ENCRYPT_DECRYPT';
  // GetKeyRotationStatus on asymmetric and HMAC keys answers KeyRotationEnabled false (rotate-keys.html); the others refuse them.
  if (!symmetric && operation !== 'GetKeyRotationStatus') {
    return new UnsupportedOperationException(`${key.arn} is a ${keySpec} key with KeyUsage ${keyUsage}: only symmetric encryption keys rotate.`);
  }
  if (key.backing.origin === KeyOrigin.EXTERNAL) {
    // API_RotateKeyOnDemand: imported material rotates on demand only (after ImportKeyMaterial with ImportType NEW_KEY_MATERIAL), "multi-Region KMS keys with imported key material" not at all.
    if (operation === 'ListKeyRotations') return undefined;
    if (operation !== 'RotateKeyOnDemand' || key.multiRegion) return originRefused(key);
  }
  // rotate-keys.html#multi-region-rotate: rotation of a multi-Region set is set and started on its primary key.
  if (replica && (operation === 'EnableKeyRotation' || operation === 'DisableKeyRotation' || operation === 'RotateKeyOnDemand')) {
    return new UnsupportedOperationException(`${key.arn} is a multi-Region replica key: call ${operation} on its primary key in ${key.multiRegion?.primaryRegion ?? 'the primary Region'}.`);
  }
  return undefined;
}
