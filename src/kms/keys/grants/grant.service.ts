// CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant (API_*; aws-behaviour 2.14,
// 2.15). Grant state is complete and persisted; SIM: authorization is not simulated (2.16), so a grant
// allows nothing that was not allowed without it, and anyone may retire or revoke any grant.

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../../shared/clock';
import { Tokens } from '../../../shared/injection-tokens';
import { LimitExceededException, NotFoundException, ValidationException } from '../../kms.errors';
import { dryRunSucceeded } from '../domain/crypto-request.rules';
import { accountRootArn } from '../domain/key-reference';
import type { KmsScope } from '../domain/kms-key';
import { markerPage } from '../domain/marker-page';
import { KeyResolver } from '../key-resolver';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import type { Empty } from '../kms-key.shapes';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KmsKeyRepository } from '../ports/kms-key.repository';
import type { GrantConstraints, GrantRecord } from './grant';
import { checkGrantRequest } from './grant-operations.rules';
import { checkGrantId, grantIdOfToken, grantTokenDigest, newGrantId, newGrantToken } from './grant-token';
import type { GrantRepository } from './grant.repository';
import type { CreateGrantRequest, CreateGrantResponse, GrantListEntry, ListGrantsRequest, ListGrantsResponse, ListRetirableGrantsRequest, RetireGrantRequest, RevokeGrantRequest } from './grant.shapes';

/** resource-limits: "Grants for a KMS key: 50,000". */
const MAX_GRANTS_PER_KEY = 50_000;
/** API_ListGrants, API_ListRetirableGrants: Limit "between 1 and 100", default 50. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

function limitOf(limit: number | undefined): number {
  if (limit !== undefined && limit > MAX_LIMIT) {
    throw new ValidationException(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_LIMIT}`);
  }
  return limit ?? DEFAULT_LIMIT;
}

function sameContext(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const left = Object.entries(a ?? {}).sort();
  const right = Object.entries(b ?? {}).sort();
  return (a === undefined) === (b === undefined) && JSON.stringify(left) === JSON.stringify(right);
}

function sameConstraints(a: GrantConstraints | undefined, b: GrantConstraints | undefined): boolean {
  return sameContext(a?.EncryptionContextEquals, b?.EncryptionContextEquals) && sameContext(a?.EncryptionContextSubset, b?.EncryptionContextSubset);
}

/** API_CreateGrant Name: a retry "with identical parameters" returns the existing grant's id. */
function sameParameters(grant: GrantRecord, input: CreateGrantRequest): boolean {
  return (
    grant.granteePrincipal === input.GranteePrincipal &&
    grant.retiringPrincipal === input.RetiringPrincipal &&
    JSON.stringify([...grant.operations].sort()) === JSON.stringify([...input.Operations].sort()) &&
    sameConstraints(grant.constraints, input.Constraints)
  );
}

function listEntry(grant: GrantRecord): GrantListEntry {
  return {
    KeyId: grant.keyArn,
    GrantId: grant.grantId,
    ...(grant.name !== undefined ? { Name: grant.name } : {}),
    CreationDate: grant.creationDate,
    GranteePrincipal: grant.granteePrincipal,
    ...(grant.retiringPrincipal !== undefined ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
    IssuingAccount: accountRootArn(grant),
    Operations: grant.operations,
    ...(grant.constraints !== undefined ? { Constraints: grant.constraints } : {}),
  };
}

@injectable()
export class GrantService {
  constructor(
    @inject(KmsKeyFeatureTokens.GrantRepository) private readonly grants: GrantRepository,
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  createGrant(scope: KmsScope, input: CreateGrantRequest): CreateGrantResponse {
    // input.GrantTokens are checked by the endpoint's KMS handlers (kms-key.handlers.ts), as for every operation.
    return this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'CreateGrant');
      checkGrantRequest(this.keys.metadataOf(key), input.Operations, input.Constraints);
      if (input.DryRun) throw dryRunSucceeded();
      const existing = this.grants.grantsOf(scope.accountId, scope.region, key.keyId);
      const named = input.Name === undefined ? undefined : existing.find((grant) => grant.name === input.Name && sameParameters(grant, input));
      if (!named && existing.length >= MAX_GRANTS_PER_KEY) throw new LimitExceededException(`${key.arn} already has ${MAX_GRANTS_PER_KEY} grants, the most a KMS key can have: retire or revoke some.`);
      const grantId = named?.grantId ?? newGrantId();
      const GrantToken = newGrantToken(grantId);
      const grant: GrantRecord = named
        ? { ...named, tokenDigests: [...named.tokenDigests, grantTokenDigest(GrantToken)] }
        : {
            grantId,
            accountId: scope.accountId,
            region: scope.region,
            keyId: key.keyId,
            keyArn: key.arn,
            creationDate: this.clock.now(),
            granteePrincipal: input.GranteePrincipal,
            ...(input.RetiringPrincipal !== undefined ? { retiringPrincipal: input.RetiringPrincipal } : {}),
            operations: [...input.Operations],
            ...(input.Constraints !== undefined ? { constraints: input.Constraints } : {}),
            ...(input.Name !== undefined ? { name: input.Name } : {}),
            tokenDigests: [grantTokenDigest(GrantToken)],
          };
      this.grants.saveGrant(grant);
      return { GrantId: grantId, GrantToken };
    });
  }

  listGrants(scope: KmsScope, input: ListGrantsRequest): ListGrantsResponse {
    const key = this.keys.require(scope, input.KeyId, 'ListGrants');
    if (input.GrantId !== undefined) checkGrantId(input.GrantId);
    const matching = this.grants
      .grantsOf(scope.accountId, scope.region, key.keyId)
      .filter((grant) => (input.GrantId === undefined || grant.grantId === input.GrantId) && (input.GranteePrincipal === undefined || grant.granteePrincipal === input.GranteePrincipal));
    const { items, ...page } = markerPage(matching, limitOf(input.Limit), input.Marker);
    return { Grants: items.map(listEntry), ...page };
  }

  listRetirableGrants(scope: KmsScope, input: ListRetirableGrantsRequest): ListGrantsResponse {
    const matching = this.grants.grantsIn(scope.accountId, scope.region).filter((grant) => grant.retiringPrincipal === input.RetiringPrincipal);
    const { items, ...page } = markerPage(matching, limitOf(input.Limit), input.Marker);
    return { Grants: items.map(listEntry), ...page };
  }

  /** API_RetireGrant: "identify the grant to retire by its grant token or by both the grant ID and a key identifier". */
  retireGrant(scope: KmsScope, input: RetireGrantRequest): Empty {
    return this.repository.transaction(() => {
      let grant: GrantRecord | undefined;
      if (input.GrantToken !== undefined) {
        grant = this.grants.getGrant(grantIdOfToken(input.GrantToken));
        if (!grant || !grant.tokenDigests.includes(grantTokenDigest(input.GrantToken)) || grant.accountId !== scope.accountId || grant.region !== scope.region) {
          throw new NotFoundException('Grant not found: the grant token names no grant of this account and Region (it may be retired or revoked already).');
        }
      } else if (input.KeyId !== undefined && input.GrantId !== undefined) {
        const key = this.keys.require(scope, input.KeyId, 'RetireGrant');
        checkGrantId(input.GrantId);
        grant = this.findGrant(scope, key.keyId, key.arn, input.GrantId);
      } else {
        throw new ValidationException('Specify GrantToken, or KeyId and GrantId, to identify the grant to retire.');
      }
      if (input.DryRun) throw dryRunSucceeded();
      this.grants.deleteGrant(grant.grantId);
      return {};
    });
  }

  revokeGrant(scope: KmsScope, input: RevokeGrantRequest): Empty {
    return this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'RevokeGrant');
      checkGrantId(input.GrantId);
      const grant = this.findGrant(scope, key.keyId, key.arn, input.GrantId);
      if (input.DryRun) throw dryRunSucceeded();
      this.grants.deleteGrant(grant.grantId);
      return {};
    });
  }

  private findGrant(scope: KmsScope, keyId: string, keyArn: string, grantId: string): GrantRecord {
    const grant = this.grants.getGrant(grantId);
    if (grant && grant.keyId === keyId && grant.accountId === scope.accountId && grant.region === scope.region) return grant;
    throw new NotFoundException(`Grant ${grantId} does not exist on key ${keyArn}.`);
  }
}
