// ReplicateKey and UpdatePrimaryRegion (multi-region-keys-overview.html). The simulator serves every
// Region (by the request's SigV4 credential scope), so a replica is a key record in another Region with
// the same mrk- key id and the same key material: a ciphertext of any key of the set decrypts under any
// other. Rotation settings and material are shared by the set; policies, aliases, tags and grants are not.
// Deleting a primary key with replicas waits in PendingReplicaDeletion (replica-deletion.rules.ts).
// SIM: replicas are Enabled (or PendingImport) at once, without the Creating state, and UpdatePrimaryRegion
// completes at once, without the Updating state.

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../../shared/clock';
import { Tokens } from '../../../shared/injection-tokens';
import { AlreadyExistsException, NotFoundException, UnsupportedOperationException } from '../../kms.errors';
import { checkKeyPolicy, defaultKeyPolicy } from '../domain/key-policy';
import { keyArn } from '../domain/key-reference';
import { mergeTags } from '../domain/key-tags';
import { isLive, KeyOrigin, type KmsScope, type LiveKeyRecord } from '../domain/kms-key';
import { StoredKeyState } from '../domain/kms-key.states';
import { KeyResolver } from '../key-resolver';
import type { Empty } from '../kms-key.shapes';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KmsKeyRepository } from '../ports/kms-key.repository';
import type { ReplicateKeyRequest, ReplicateKeyResponse, UpdatePrimaryRegionRequest } from './multi-region.shapes';

@injectable()
export class MultiRegionService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  replicateKey(scope: KmsScope, input: ReplicateKeyRequest): ReplicateKeyResponse {
    const replicaScope: KmsScope = { accountId: scope.accountId, region: input.ReplicaRegion };
    const policy = input.Policy ?? defaultKeyPolicy(replicaScope);
    checkKeyPolicy(policy);
    const tags = mergeTags([], input.Tags ?? []);
    const replica = this.repository.transaction(() => {
      const primary = this.primary(scope, input.KeyId, 'ReplicateKey');
      // API_ReplicateKey: AlreadyExistsException when "the ReplicaRegion already has a key of this multi-Region set".
      const existing = this.repository.getKey(primary.keyId, input.ReplicaRegion);
      if (input.ReplicaRegion === primary.region || (existing && isLive(existing))) {
        throw new AlreadyExistsException(`${primary.arn} already has a key in ${input.ReplicaRegion}: a multi-Region set has at most one key per Region.`);
      }
      const { backing } = primary;
      const replica: LiveKeyRecord = {
        accountId: scope.accountId,
        region: input.ReplicaRegion,
        keyId: primary.keyId,
        arn: keyArn(replicaScope, primary.keyId),
        creationDate: this.clock.now(),
        description: input.Description ?? '',
        // multi-region-keys-import: a replica of a key with imported material needs the same material imported into it.
        state: backing.origin === KeyOrigin.EXTERNAL ? StoredKeyState.PendingImport : StoredKeyState.Enabled,
        backing: backing.origin === KeyOrigin.EXTERNAL ? { origin: KeyOrigin.EXTERNAL, imported: false } : backing,
        policy,
        tags,
        multiRegion: { primaryRegion: primary.region },
      };
      this.repository.saveKey(replica);
      return replica;
    });
    return { ReplicaKeyMetadata: this.keys.metadataOf(replica), ReplicaPolicy: policy, ReplicaTags: tags };
  }

  updatePrimaryRegion(scope: KmsScope, input: UpdatePrimaryRegionRequest): Empty {
    this.repository.transaction(() => {
      const primary = this.primary(scope, input.KeyId, 'UpdatePrimaryRegion');
      // API_UpdatePrimaryRegion: PrimaryRegion must be a Region where a replica of the key exists.
      const replica = this.repository.getKey(primary.keyId, input.PrimaryRegion);
      if (!replica || !isLive(replica) || input.PrimaryRegion === primary.region) {
        throw new NotFoundException(`${primary.arn} has no replica key in ${input.PrimaryRegion}: ReplicateKey creates one.`);
      }
      for (const member of this.repository.allKeys()) {
        if (member.keyId === primary.keyId && member.accountId === primary.accountId && isLive(member)) {
          this.repository.saveKey({ ...member, multiRegion: { primaryRegion: input.PrimaryRegion } });
        }
      }
    });
    return {};
  }

  /** The primary key `keyId` names, once the state table allows `operation`. */
  private primary(scope: KmsScope, keyId: string, operation: 'ReplicateKey' | 'UpdatePrimaryRegion'): LiveKeyRecord {
    const key = this.keys.find(scope, keyId, operation);
    // API_ReplicateKey: UnsupportedOperationException for a key that is not a multi-Region primary key.
    if (!key.multiRegion) throw new UnsupportedOperationException(`${key.arn} is not a multi-Region key: only keys created with MultiRegion true have replicas.`);
    if (key.multiRegion.primaryRegion !== key.region) {
      throw new UnsupportedOperationException(`${key.arn} is a replica key: call ${operation} on the primary key, in ${key.multiRegion.primaryRegion}.`);
    }
    this.keys.allow(key, operation);
    return key;
  }
}
