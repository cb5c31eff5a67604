// CreateKey (aws-behaviour 2.7): an AWS_KMS key whose material the simulator makes and seals, an EXTERNAL
// key waiting for its material (PendingImport), or an AWS_CLOUDHSM key whose backing AES-256 key an HSM of
// the store's cluster generates before CreateKey returns. MultiRegion keys get an mrk- key id.

import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../shared/clock';
import type { IdGenerator } from '../../shared/ids';
import { Tokens } from '../../shared/injection-tokens';
import type { KeyStoreCrypto } from '../ports/key-store-crypto.port';
import { KeySpecMaterial } from './asymmetric/key-spec-material';
import { requireConnectedStore } from './connected-store';
import { placementOf } from './domain/create-key.rules';
import { keyKindOf } from './domain/key-kind.rules';
import { SYMMETRIC_KIND } from './domain/key-spec.table';
import { checkKeyPolicy, defaultKeyPolicy } from './domain/key-policy';
import { keyArn } from './domain/key-reference';
import { mergeTags } from './domain/key-tags';
import { KeyOrigin, type KeyBacking, type KmsScope, type LiveKeyRecord } from './domain/kms-key';
import { StoredKeyState } from './domain/kms-key.states';
import { KeyResolver } from './key-resolver';
import type { CreateKeyRequest, KeyMetadataResponse } from './kms-key.shapes';
import { KmsKeyTokens } from './kms-key.tokens';
import { multiRegionKeyId } from './multi-region/multi-region-key-id';
import type { KeyMaterialVault } from './ports/key-material-vault.port';
import type { KmsKeyRepository } from './ports/kms-key.repository';

/** A 256-bit AES key, as AWS_KMS symmetric keys and CloudHSM backing keys are (4.1). */
const MATERIAL_BYTES = 32;
/** KeyMaterialId is 64 hex digits. */
const KEY_MATERIAL_ID_BYTES = 32;

@injectable()
export class KeyCreationService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyMaterialVault) private readonly vault: KeyMaterialVault,
    @inject(KmsKeyTokens.KeyStoreCrypto) private readonly crypto: KeyStoreCrypto,
    @inject(KmsKeyTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: Clock,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly specMaterial: KeySpecMaterial,
  ) {}

  async createKey(scope: KmsScope, input: CreateKeyRequest): Promise<KeyMetadataResponse> {
    const placement = placementOf(input);
    const kind = keyKindOf(input, scope.region);
    const symmetric = kind.keySpec === SYMMETRIC_KIND.keySpec;
    const policy = input.Policy ?? defaultKeyPolicy(scope);
    checkKeyPolicy(policy);
    const tags = mergeTags([], input.Tags ?? []);
    const keyId = input.MultiRegion === true ? multiRegionKeyId() : this.ids.uuid();
    const arn = keyArn(scope, keyId);
    const backing: KeyBacking =
      placement.origin === KeyOrigin.AWS_CLOUDHSM
        ? await this.backingKeyIn(scope, placement.customKeyStoreId, arn)
        : placement.origin === KeyOrigin.EXTERNAL
          ? { origin: KeyOrigin.EXTERNAL, imported: false }
          : { origin: KeyOrigin.AWS_KMS, keyMaterialId: randomBytes(KEY_MATERIAL_ID_BYTES).toString('hex') };
    const key: LiveKeyRecord = {
      accountId: scope.accountId,
      region: scope.region,
      keyId,
      arn,
      creationDate: this.clock.now(),
      description: input.Description ?? '',
      // API_CreateKey Origin EXTERNAL: "the KMS key is created in the PendingImport state".
      state: backing.origin === KeyOrigin.EXTERNAL ? StoredKeyState.PendingImport : StoredKeyState.Enabled,
      backing,
      ...(symmetric ? {} : { kind }),
      policy,
      tags,
      ...(input.MultiRegion === true ? { multiRegion: { primaryRegion: scope.region } } : {}),
    };
    const sealedMaterial = backing.origin === KeyOrigin.AWS_KMS && symmetric ? this.sealNewMaterial() : undefined;
    const specMaterial = symmetric ? undefined : this.specMaterial.create(kind);
    this.repository.transaction(() => {
      if (sealedMaterial) this.repository.saveMaterial(keyId, sealedMaterial);
      if (specMaterial) this.specMaterial.save(keyId, specMaterial);
      this.repository.saveKey(key);
    });
    return { KeyMetadata: this.keys.metadataOf(key) };
  }

  private sealNewMaterial(): Buffer {
    const material = randomBytes(MATERIAL_BYTES);
    try {
      return this.vault.seal(material);
    } finally {
      material.fill(0);
    }
  }

  private async backingKeyIn(scope: KmsScope, customKeyStoreId: string, arn: string): Promise<KeyBacking> {
    // create-cmk-keystore: "the custom key store must be connected to its AWS CloudHSM cluster".
    const store = requireConnectedStore(this.crypto, scope, customKeyStoreId, 'CreateKey');
    const { handle, holders } = await this.crypto.generateBackingKey(customKeyStoreId, arn);
    return { origin: KeyOrigin.AWS_CLOUDHSM, customKeyStoreId, cloudHsmClusterId: store.cloudHsmClusterId, handle, holders };
  }
}
