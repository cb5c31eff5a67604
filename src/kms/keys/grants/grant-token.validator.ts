// The GrantTokens member of KMS requests (API_Encrypt and others: "InvalidGrantTokenException: the
// request was rejected because the specified grant token is not valid"): a token CreateGrant returned, of
// a grant not retired or revoked, is valid; anything else is refused.
// SIM: authorization is not simulated, so a valid token grants nothing beyond what the call already had;
// neither its operations nor its constraints are checked against the request.

import { inject, injectable } from 'tsyringe';
import { InvalidGrantTokenException } from '../../kms.errors';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import { grantIdOfToken, grantTokenDigest } from './grant-token';
import type { GrantRepository } from './grant.repository';

@injectable()
export class GrantTokenValidator {
  constructor(@inject(KmsKeyFeatureTokens.GrantRepository) private readonly grants: GrantRepository) {}

  check(tokens: readonly string[] | undefined): void {
    for (const token of tokens ?? []) {
      const grant = this.grants.getGrant(grantIdOfToken(token));
      if (!grant || !grant.tokenDigests.includes(grantTokenDigest(token))) {
        throw new InvalidGrantTokenException('The grant token is not valid: its grant was retired or revoked, or it was not returned by CreateGrant.');
      }
    }
  }
}
