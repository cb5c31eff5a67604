// The KMS key operations the endpoint serves (TrentService), each handed to its service with the caller's
// account and Region. The composition root registers them with the KMS model, merged with the custom key
// store operations.

import type { DependencyContainer } from 'tsyringe';
import { InvalidGrantTokenException } from '../kms.errors';
import { AliasService } from './alias.service';
import { asymmetricKeyHandlers, type AsymmetricKeyOperation } from './asymmetric/asymmetric-key.handlers';
import { DataKeyService } from './data-key.service';
import type { KmsScope } from './domain/kms-key';
import { KeyCreationService } from './key-creation.service';
import { KeyCryptoService } from './key-crypto.service';
import { KeyDeletionService } from './key-deletion.service';
import { KeyLifecycleService } from './key-lifecycle.service';
import { KeyPolicyService } from './key-policy.service';
import { KeyQueryService } from './key-query.service';
import { KeyTagService } from './key-tag.service';
import type * as Shapes from './kms-key.shapes';
import { RandomService } from './random.service';

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

export function kmsKeyHandlers(container: DependencyContainer): Record<KmsKeyOperation, KmsKeyHandler> {
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
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, refusingGrantTokens(handler)])) as typeof handlers;
}

/**
 * API_Encrypt and others: a grant token that is not valid -> InvalidGrantTokenException.
 * SIM: grants are not simulated (no CreateGrant), so no grant token can be valid here.
 */
function refusingGrantTokens(handler: KmsKeyHandler): KmsKeyHandler {
  return (input: never, scope: KmsScope) => {
    const grantTokens = (input as { GrantTokens?: readonly string[] }).GrantTokens;
    if (grantTokens && grantTokens.length > 0) {
      throw new InvalidGrantTokenException('The grant token is not valid: this simulator has no grants (CreateGrant is not simulated). Leave GrantTokens out.');
    }
    return handler(input, scope);
  };
}
