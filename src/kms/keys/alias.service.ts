// CreateAlias, UpdateAlias, DeleteAlias and ListAliases: names for keys of one account and Region.

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../shared/clock';
import { Tokens } from '../../shared/injection-tokens';
import { AlreadyExistsException, LimitExceededException, ValidationException } from '../kms.errors';
import { checkAliasName } from './domain/alias-name';
import { aliasArn, aliasNotFound } from './domain/key-reference';
import type { AliasRecord, KmsScope } from './domain/kms-key';
import { markerPage } from './domain/marker-page';
import { KeyResolver } from './key-resolver';
import type { AliasListEntry, AliasRequest, Empty, ListAliasesRequest, ListAliasesResponse } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

/** API_ListAliases: Limit defaults to 50. */
const DEFAULT_LIMIT = 50;
/** KMS resource quotas, "Aliases per KMS key": 50. */
export const MAX_ALIASES_PER_KEY = 50;
const ALIAS_REFERENCE = /^(alias\/|arn:[^:]*:kms:[^:]*:[^:]*:alias\/)/;

/** API_CreateAlias: the target is a key id or key ARN; an alias cannot name an alias (the message real KMS sends). */
function refuseAliasTarget(targetKeyId: string): void {
  if (ALIAS_REFERENCE.test(targetKeyId)) throw new ValidationException('Aliases must refer to keys. Not aliases');
}

@injectable()
export class AliasService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  createAlias(scope: KmsScope, input: AliasRequest): Empty {
    checkAliasName(input.AliasName);
    refuseAliasTarget(input.TargetKeyId);
    this.repository.transaction(() => {
      if (this.repository.getAlias(scope.accountId, scope.region, input.AliasName)) {
        throw new AlreadyExistsException(`An alias with the name ${aliasArn(scope, input.AliasName)} already exists`);
      }
      const key = this.keys.require(scope, input.TargetKeyId, 'CreateAlias');
      this.requireAliasRoom(scope, key.keyId);
      const now = this.clock.now();
      this.repository.saveAlias({ accountId: scope.accountId, region: scope.region, aliasName: input.AliasName, targetKeyId: key.keyId, creationDate: now, lastUpdatedDate: now });
    });
    return {};
  }

  updateAlias(scope: KmsScope, input: AliasRequest): Empty {
    checkAliasName(input.AliasName);
    refuseAliasTarget(input.TargetKeyId);
    this.repository.transaction(() => {
      const alias = this.requireAlias(scope, input.AliasName);
      const key = this.keys.require(scope, input.TargetKeyId, 'UpdateAlias');
      if (alias.targetKeyId !== key.keyId) this.requireAliasRoom(scope, key.keyId);
      this.repository.saveAlias({ ...alias, targetKeyId: key.keyId, lastUpdatedDate: this.clock.now() });
    });
    return {};
  }

  // Resource quotas: "Aliases per KMS key" 50; the alias over it is LimitExceededException (CreateAlias's error list).
  private requireAliasRoom(scope: KmsScope, keyId: string): void {
    const count = this.repository.aliasesOf(scope.accountId, scope.region).filter((alias) => alias.targetKeyId === keyId).length;
    if (count >= MAX_ALIASES_PER_KEY) {
      throw new LimitExceededException(`Key ${keyId} already has ${count} aliases, the most a KMS key may have (${MAX_ALIASES_PER_KEY}). Delete one first (DeleteAlias).`);
    }
  }

  deleteAlias(scope: KmsScope, input: { readonly AliasName: string }): Empty {
    checkAliasName(input.AliasName);
    this.repository.transaction(() => {
      this.keys.require(scope, this.requireAlias(scope, input.AliasName).targetKeyId, 'DeleteAlias');
      this.repository.deleteAlias(scope.accountId, scope.region, input.AliasName);
    });
    return {};
  }

  /** SIM: AWS managed keys are not simulated, so their alias/aws/ aliases are not listed. */
  listAliases(scope: KmsScope, input: ListAliasesRequest): ListAliasesResponse {
    const keyId = input.KeyId === undefined ? undefined : this.keys.require(scope, input.KeyId, 'ListAliases').keyId;
    const aliases = this.repository.aliasesOf(scope.accountId, scope.region).filter((alias) => keyId === undefined || alias.targetKeyId === keyId);
    const { items, ...page } = markerPage(aliases, input.Limit ?? DEFAULT_LIMIT, input.Marker);
    return { Aliases: items.map((alias) => aliasEntry(scope, alias)), ...page };
  }

  private requireAlias(scope: KmsScope, aliasName: string): AliasRecord {
    const alias = this.repository.getAlias(scope.accountId, scope.region, aliasName);
    if (!alias) throw aliasNotFound(aliasArn(scope, aliasName));
    return alias;
  }
}

function aliasEntry(scope: KmsScope, alias: AliasRecord): AliasListEntry {
  return {
    AliasName: alias.aliasName,
    AliasArn: aliasArn(scope, alias.aliasName),
    TargetKeyId: alias.targetKeyId,
    CreationDate: alias.creationDate,
    LastUpdatedDate: alias.lastUpdatedDate,
  };
}
