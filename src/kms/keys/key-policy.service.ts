// GetKeyPolicy, PutKeyPolicy and ListKeyPolicies. SIM: the policy is stored and returned, not enforced.

import { inject, injectable } from 'tsyringe';
import { NotFoundException } from '../kms.errors';
import { checkKeyPolicy, DEFAULT_POLICY_NAME } from './domain/key-policy';
import type { KmsScope } from './domain/kms-key';
import { markerPage } from './domain/marker-page';
import { KeyResolver } from './key-resolver';
import type { Empty, GetKeyPolicyRequest, GetKeyPolicyResponse, ListKeyPoliciesRequest, ListKeyPoliciesResponse, PutKeyPolicyRequest } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import type { KmsKeyRepository } from './ports/kms-key.repository';

/** API_ListKeyPolicies: Limit defaults to 100. */
const DEFAULT_LIMIT = 100;

function checkPolicyName(policyName: string | undefined): void {
  if (policyName !== undefined && policyName !== DEFAULT_POLICY_NAME) {
    throw new NotFoundException(`No such policy exists: a KMS key has one key policy, named ${DEFAULT_POLICY_NAME}.`);
  }
}

@injectable()
export class KeyPolicyService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
  ) {}

  getKeyPolicy(scope: KmsScope, input: GetKeyPolicyRequest): GetKeyPolicyResponse {
    const key = this.keys.require(scope, input.KeyId, 'GetKeyPolicy');
    checkPolicyName(input.PolicyName);
    return { Policy: key.policy, PolicyName: DEFAULT_POLICY_NAME };
  }

  putKeyPolicy(scope: KmsScope, input: PutKeyPolicyRequest): Empty {
    checkPolicyName(input.PolicyName);
    checkKeyPolicy(input.Policy);
    this.repository.transaction(() => {
      const key = this.keys.require(scope, input.KeyId, 'PutKeyPolicy');
      this.repository.saveKey({ ...key, policy: input.Policy });
    });
    return {};
  }

  listKeyPolicies(scope: KmsScope, input: ListKeyPoliciesRequest): ListKeyPoliciesResponse {
    this.keys.require(scope, input.KeyId, 'ListKeyPolicies');
    const { items, ...page } = markerPage([DEFAULT_POLICY_NAME], input.Limit ?? DEFAULT_LIMIT, input.Marker);
    return { PolicyNames: items, ...page };
  }
}
