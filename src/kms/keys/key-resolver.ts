// Finds the key a request names, in the caller's account and Region, and says how it shows now: its
// visible state (3.5: Unavailable while its store is not connected), whether the state table allows an
// operation, and its KeyMetadata.

import { inject, injectable } from 'tsyringe';
import { AccessDeniedException, NotFoundException } from '../kms.errors';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { aliasArn, aliasNotFound, keyArn, keyNotFound, parseKeyReference } from './domain/key-reference';
import { keyMetadata, type KeyMetadataShape } from './domain/key-metadata.view';
import { isLive, KeyOrigin, type KmsScope, type LiveKeyRecord } from './domain/kms-key';
import { keyStateRefusal, visibleKeyState, type KeyOperation, type KeyState } from './domain/kms-key.states';
import { ASYMMETRIC_ALIAS_ACCEPTING } from './asymmetric/alias-accepting';
import { KmsKeyTokens } from './kms-key.tokens';
import { multiRegionConfiguration } from './multi-region/multi-region-configuration.view';
import type { KmsKeyRepository } from './ports/kms-key.repository';

// API_DescribeKey, API_Encrypt, API_Decrypt, API_ReEncrypt, API_GenerateDataKey(WithoutPlaintext): KeyId
// may be an alias name or alias ARN; every other operation takes a key id or key ARN.
const ALIAS_ACCEPTING: ReadonlySet<KeyOperation> = new Set(['DescribeKey', 'Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', ...ASYMMETRIC_ALIAS_ACCEPTING]);

@injectable()
export class KeyResolver {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto,
  ) {}

  /** The key `keyId` names, once the state table allows `operation` on it. */
  require(scope: KmsScope, keyId: string, operation: KeyOperation): LiveKeyRecord {
    const key = this.find(scope, keyId, operation);
    this.allow(key, operation);
    return key;
  }

  /** The key `keyId` names, whatever its state. */
  find(scope: KmsScope, keyId: string, operation: KeyOperation): LiveKeyRecord {
    const reference = parseKeyReference(scope, keyId);
    if (reference.kind === 'key') return this.byId(scope, reference.keyId);
    if (!ALIAS_ACCEPTING.has(operation)) throw new NotFoundException(`Invalid keyId ${keyId}: ${operation} takes a key id or key ARN, not an alias.`);
    const alias = this.repository.getAlias(scope.accountId, scope.region, reference.aliasName);
    if (!alias) throw aliasNotFound(aliasArn(scope, reference.aliasName));
    return this.byId(scope, alias.targetKeyId);
  }

  /** The key a ciphertext names. */
  ciphertextKey(scope: KmsScope, keyId: string): LiveKeyRecord {
    const key = this.live(scope, keyId);
    if (key) return key;
    // The message real KMS sends for a ciphertext whose key was deleted or lives in another account or Region.
    throw new AccessDeniedException('The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.');
  }

  allow(key: LiveKeyRecord, operation: KeyOperation): void {
    const refusal = keyStateRefusal(this.stateOf(key), operation, key.arn);
    if (refusal) throw refusal;
  }

  stateOf(key: LiveKeyRecord): KeyState {
    return visibleKeyState(key.state, key.backing.origin !== KeyOrigin.AWS_CLOUDHSM || this.crypto.isConnected(key.backing.customKeyStoreId));
  }

  metadataOf(key: LiveKeyRecord): KeyMetadataShape {
    const multiRegion = key.multiRegion ? multiRegionConfiguration(key, this.repository.allKeys()) : undefined;
    if (key.backing.origin !== KeyOrigin.AWS_CLOUDHSM) return keyMetadata(key, this.stateOf(key), undefined, multiRegion);
    const store = this.crypto.describeStore(key.accountId, key.region, key.backing.customKeyStoreId);
    return keyMetadata(key, this.stateOf(key), store?.cloudHsmClusterId);
  }

  private byId(scope: KmsScope, keyId: string): LiveKeyRecord {
    const key = this.live(scope, keyId);
    if (key) return key;
    throw keyNotFound(keyArn(scope, keyId));
  }

  private live(scope: KmsScope, keyId: string): LiveKeyRecord | undefined {
    const key = this.repository.getKey(keyId, scope.region);
    return key && isLive(key) && key.accountId === scope.accountId && key.region === scope.region ? key : undefined;
  }
}
