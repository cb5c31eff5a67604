// The KMS key operations the endpoint serves (TrentService), each handed to its service with the caller's
// account and Region, with those of kms-key-feature.handlers.ts. Every one has its GrantTokens checked
// first and, when it succeeds, its use of keys recorded (GetKeyLastUsage). The composition root registers
// them with the KMS model, merged with the custom key store operations.

import type { DependencyContainer } from 'tsyringe';
import { AliasService } from './alias.service';
import { asymmetricKeyHandlers, type AsymmetricKeyOperation } from './asymmetric/asymmetric-key.handlers';
import { DataKeyService } from './data-key.service';
import type { KmsScope } from './domain/kms-key';
import { GrantTokenValidator } from './grants/grant-token.validator';
import { KeyCreationService } from './key-creation.service';
import { KeyCryptoService } from './key-crypto.service';
import { KeyDeletionService } from './key-deletion.service';
import { KeyLifecycleService } from './key-lifecycle.service';
import { KeyPolicyService } from './key-policy.service';
import { KeyQueryService } from './key-query.service';
import { KeyTagService } from './key-tag.service';
import { kmsKeyFeatureHandlers, type KmsKeyFeatureOperation } from './kms-key-feature.handlers';
import type * as Shapes from './kms-key.shapes';
import { RandomService } from './random.service';
import { KeyUsageService } from './usage/key-usage.service';

export type KmsKeyOperation =
  | 'CreateKey'
  | 'DescribeKey'
  | 'ListKeys'
  | 'EnableKey'
  | 'DisableKey'
  | 'UpdateKeyDescription'
  | 'ScheduleKeyDeletion'
  | 'CancelKeyDeletion'
  | 'Encrypt'
  | 'Decrypt'
  | 'ReEncrypt'
  | 'GenerateDataKey'
  | 'GenerateDataKeyWithoutPlaintext'
  | 'GenerateRandom'
  | 'CreateAlias'
  | 'UpdateAlias'
  | 'DeleteAlias'
  | 'ListAliases'
  | 'TagResource'
  | 'UntagResource'
  | 'ListResourceTags'
  | 'GetKeyPolicy'
  | 'PutKeyPolicy'
  | 'ListKeyPolicies'
  | AsymmetricKeyOperation;

/** The wire's handler contract: the request context carries the caller's account and Region. */
export type KmsKeyHandler = (input: never, context: KmsScope) => unknown;

export function kmsKeyHandlers(container: DependencyContainer): Record<KmsKeyOperation | KmsKeyFeatureOperation, KmsKeyHandler> {
  const creation = container.resolve(KeyCreationService);
  const query = container.resolve(KeyQueryService);
  const lifecycle = container.resolve(KeyLifecycleService);
  const deletion = container.resolve(KeyDeletionService);
  const crypto = container.resolve(KeyCryptoService);
  const dataKeys = container.resolve(DataKeyService);
  const random = container.resolve(RandomService);
  const aliases = container.resolve(AliasService);
  const tags = container.resolve(KeyTagService);
  const policies = container.resolve(KeyPolicyService);
  const handlers: Record<KmsKeyOperation, KmsKeyHandler> = {
    CreateKey: (input: Shapes.CreateKeyRequest, scope: KmsScope) => creation.createKey(scope, input),
    DescribeKey: (input: Shapes.DescribeKeyRequest, scope: KmsScope) => query.describeKey(scope, input),
    ListKeys: (input: Shapes.ListKeysRequest, scope: KmsScope) => query.listKeys(scope, input),
    EnableKey: (input: Shapes.KeyIdRequest, scope: KmsScope) => lifecycle.enableKey(scope, input),
    DisableKey: (input: Shapes.KeyIdRequest, scope: KmsScope) => lifecycle.disableKey(scope, input),
    UpdateKeyDescription: (input: Shapes.UpdateKeyDescriptionRequest, scope: KmsScope) => lifecycle.updateKeyDescription(scope, input),
    ScheduleKeyDeletion: (input: Shapes.ScheduleKeyDeletionRequest, scope: KmsScope) => deletion.scheduleKeyDeletion(scope, input),
    CancelKeyDeletion: (input: Shapes.KeyIdRequest, scope: KmsScope) => deletion.cancelKeyDeletion(scope, input),
    Encrypt: (input: Shapes.EncryptRequest, scope: KmsScope) => crypto.encrypt(scope, input),
    Decrypt: (input: Shapes.DecryptRequest, scope: KmsScope) => crypto.decrypt(scope, input),
    ReEncrypt: (input: Shapes.ReEncryptRequest, scope: KmsScope) => crypto.reEncrypt(scope, input),
    GenerateDataKey: (input: Shapes.GenerateDataKeyRequest, scope: KmsScope) => dataKeys.generateDataKey(scope, input),
    GenerateDataKeyWithoutPlaintext: (input: Shapes.GenerateDataKeyWithoutPlaintextRequest, scope: KmsScope) => dataKeys.generateDataKeyWithoutPlaintext(scope, input),
    GenerateRandom: (input: Shapes.GenerateRandomRequest, scope: KmsScope) => random.generateRandom(scope, input),
    CreateAlias: (input: Shapes.AliasRequest, scope: KmsScope) => aliases.createAlias(scope, input),
    UpdateAlias: (input: Shapes.AliasRequest, scope: KmsScope) => aliases.updateAlias(scope, input),
    DeleteAlias: (input: { readonly AliasName: string }, scope: KmsScope) => aliases.deleteAlias(scope, input),
    ListAliases: (input: Shapes.ListAliasesRequest, scope: KmsScope) => aliases.listAliases(scope, input),
    TagResource: (input: Shapes.TagResourceRequest, scope: KmsScope) => tags.tagResource(scope, input),
    UntagResource: (input: Shapes.UntagResourceRequest, scope: KmsScope) => tags.untagResource(scope, input),
    ListResourceTags: (input: Shapes.ListResourceTagsRequest, scope: KmsScope) => tags.listResourceTags(scope, input),
    GetKeyPolicy: (input: Shapes.GetKeyPolicyRequest, scope: KmsScope) => policies.getKeyPolicy(scope, input),
    PutKeyPolicy: (input: Shapes.PutKeyPolicyRequest, scope: KmsScope) => policies.putKeyPolicy(scope, input),
    ListKeyPolicies: (input: Shapes.ListKeyPoliciesRequest, scope: KmsScope) => policies.listKeyPolicies(scope, input),
    ...asymmetricKeyHandlers(container),
  };
  const all = { ...handlers, ...kmsKeyFeatureHandlers(container) };
  const grantTokens = container.resolve(GrantTokenValidator);
  const usage = container.resolve(KeyUsageService);
  return Object.fromEntries(Object.entries(all).map(([name, handler]) => [name, checkedAndRecorded(name, handler, grantTokens, usage)])) as typeof all;
}

/** The ARNs of the keys a successful answer names (ReEncrypt names two). */
function keysIn(output: unknown): string[] {
  const { KeyId, SourceKeyId } = (output ?? {}) as { KeyId?: unknown; SourceKeyId?: unknown };
  return [KeyId, SourceKeyId].filter((arn): arn is string => typeof arn === 'string');
}

/**
 * API_Encrypt and others: a grant token that is not valid -> InvalidGrantTokenException (grants/grant-token.validator.ts);
 * API_GetKeyLastUsage: the last cryptographic use of each key is recorded after the operation succeeds.
 */
function checkedAndRecorded(operation: string, handler: KmsKeyHandler, grantTokens: GrantTokenValidator, usage: KeyUsageService): KmsKeyHandler {
  return (input: never, scope: KmsScope) => {
    grantTokens.check((input as { GrantTokens?: readonly string[] }).GrantTokens);
    const record = (output: unknown): unknown => {
      usage.record(keysIn(output), operation, (scope as { requestId?: string }).requestId);
      return output;
    };
    const output = handler(input, scope);
    return output instanceof Promise ? output.then(record) : record(output);
  };
}
