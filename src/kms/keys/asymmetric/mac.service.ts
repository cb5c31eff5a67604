// GenerateMac and VerifyMac (API_GenerateMac, API_VerifyMac) with an HMAC key (KeyUsage GENERATE_VERIFY_MAC):
// RFC 2104 HMAC with the key's SHA-2 hash. VerifyMac answers KMSInvalidMacException, never false.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { KMSInvalidMacException } from '../../kms.errors';
import { dryRunSucceeded } from '../domain/crypto-request.rules';
import { requireAlgorithm, requireKeyUsage } from '../domain/key-kind.rules';
import { algorithmsOf, KeyUsage } from '../domain/key-spec.table';
import type { KmsScope, LiveKeyRecord } from '../domain/kms-key';
import { KeyResolver } from '../key-resolver';
import type { GenerateMacRequest, GenerateMacResponse, VerifyMacRequest, VerifyMacResponse } from './asymmetric-key.shapes';
import { KeySpecMaterial } from './key-spec-material';

const HASHES: Readonly<Record<string, string>> = { HMAC_SHA_224: 'sha224', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

@injectable()
export class MacService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly material: KeySpecMaterial,
  ) {}

  generateMac(scope: KmsScope, input: GenerateMacRequest): GenerateMacResponse {
    const key = this.check(scope, input, 'GenerateMac');
    if (input.DryRun) throw dryRunSucceeded();
    return { KeyId: key.arn, Mac: this.mac(key, input), MacAlgorithm: input.MacAlgorithm };
  }

  verifyMac(scope: KmsScope, input: VerifyMacRequest): VerifyMacResponse {
    const key = this.check(scope, input, 'VerifyMac');
    if (input.DryRun) throw dryRunSucceeded();
    const expected = this.mac(key, input);
    // API_VerifyMac: "If the HMAC is not verified, the VerifyMac operation fails with a KMSInvalidMacException exception."
    if (expected.length !== input.Mac.length || !timingSafeEqual(expected, input.Mac)) {
      throw new KMSInvalidMacException('The MAC does not verify under the KMS key with this message and MAC algorithm.');
    }
    return { KeyId: key.arn, MacValid: true, MacAlgorithm: input.MacAlgorithm };
  }

  private check(scope: KmsScope, input: GenerateMacRequest, operation: 'GenerateMac' | 'VerifyMac'): LiveKeyRecord {
    const key = this.keys.require(scope, input.KeyId, operation);
    const kind = requireKeyUsage(key, KeyUsage.GENERATE_VERIFY_MAC, operation);
    requireAlgorithm(kind, input.MacAlgorithm, algorithmsOf(kind).MacAlgorithms);
    return key;
  }

  private mac(key: LiveKeyRecord, input: GenerateMacRequest): Buffer {
    return this.material.withSecret(key, (secret) => createHmac(HASHES[input.MacAlgorithm]!, secret).update(input.Message).digest());
  }
}
