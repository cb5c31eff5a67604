// GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial (importing-keys.html) for keys
// created with Origin EXTERNAL. Import parameters are valid for 24 hours and material that expires
// (KEY_MATERIAL_EXPIRES) is deleted at its ValidTo, both on the simulated clock; expirations are re-armed
// after a restart. A key without its material is PendingImport.

import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { inject, injectable } from 'tsyringe';
import type { AlarmClock } from '../../../shared/clock';
import { Tokens } from '../../../shared/injection-tokens';
import {
  ExpiredImportTokenException,
  IncorrectKeyMaterialException,
  InvalidImportTokenException,
  KMSInvalidStateException,
  UnsupportedOperationException,
  ValidationException,
} from '../../kms.errors';
import { applyKeyEvent, isLive, KeyOrigin, type KmsKeyRecord, type KmsScope, type LiveKeyRecord } from '../domain/kms-key';
import type { KeyOperation } from '../domain/kms-key.states';
import { KeyResolver } from '../key-resolver';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KeyMaterialVault } from '../ports/key-material-vault.port';
import type { KmsKeyRepository } from '../ports/kms-key.repository';
import type { KeyServiceEvents } from '../../ports/key-service-events.port';
import { ExpirationModel, materialOwner, type KeyMaterialVersion } from '../rotation/key-material';
import type { KeyMaterialRepository } from '../rotation/key-material.repository';
import { MATERIAL_BYTES } from '../rotation/key-materials';
import type { ImportParameters } from './import-parameters';
import type { ImportParametersRepository } from './import-parameters.repository';
import type {
  DeleteImportedKeyMaterialRequest,
  DeleteImportedKeyMaterialResponse,
  GetParametersForImportRequest,
  GetParametersForImportResponse,
  ImportKeyMaterialRequest,
  ImportKeyMaterialResponse,
} from './import.shapes';
import { checkWrapping, unwrapKeyMaterial } from './wrapping-algorithms';

const generateRsaKeyPair = promisify(generateKeyPair);
const HOUR_MS = 60 * 60_000;
/** API_GetParametersForImport: "The public key and import token ... are valid for 24 hours". */
const PARAMETERS_VALID_MS = 24 * HOUR_MS;
/** API_ImportKeyMaterial ValidTo: "The maximum value is 365 days from the request date". */
const MAX_VALID_TO_MS = 365 * 24 * HOUR_MS;
const TOKEN_VERSION = 0x01;
const TOKEN_ID_BYTES = 32;

type ExternalKey = LiveKeyRecord & { readonly backing: Extract<KmsKeyRecord['backing'], { origin: 'EXTERNAL' }> };

/** SIM: AWS does not publish how it derives an imported material's KeyMaterialId; here it is a hash of the key id and the material. */
function importedMaterialId(keyId: string, material: Buffer): string {
  return createHash('sha256').update('cloudhsm-sim imported key material').update(keyId).update(material).digest('hex');
}

function tokenIdOf(token: Buffer): string | undefined {
  return token.length === 1 + TOKEN_ID_BYTES && token[0] === TOKEN_VERSION ? token.subarray(1).toString('hex') : undefined;
}

@injectable()
export class KeyImportService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyTokens.KeyMaterialVault) private readonly vault: KeyMaterialVault,
    @inject(KmsKeyFeatureTokens.KeyMaterialRepository) private readonly versions: KeyMaterialRepository,
    @inject(KmsKeyFeatureTokens.ImportParametersRepository) private readonly parameters: ImportParametersRepository,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: AlarmClock,
    @inject(KmsKeyFeatureTokens.ServiceEvents) private readonly events: KeyServiceEvents,
  ) {}

  async getParametersForImport(scope: KmsScope, input: GetParametersForImportRequest): Promise<GetParametersForImportResponse> {
    const key = this.external(scope, input.KeyId, 'GetParametersForImport');
    const modulusLength = checkWrapping(scope.region, input.WrappingAlgorithm, input.WrappingKeySpec);
    const { publicKey, privateKey } = await generateRsaKeyPair('rsa', { modulusLength });
    const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' });
    const tokenId = randomBytes(TOKEN_ID_BYTES).toString('hex');
    const validTo = new Date(this.clock.now().getTime() + PARAMETERS_VALID_MS);
    try {
      this.repository.transaction(() => {
        this.parameters.purgeExpired(this.clock.now());
        this.parameters.save({
          tokenId,
          accountId: scope.accountId,
          region: scope.region,
          keyId: key.keyId,
          wrappingAlgorithm: input.WrappingAlgorithm,
          wrappingKeySpec: input.WrappingKeySpec,
          sealedPrivateKey: this.vault.seal(privateDer),
          validTo,
        });
      });
    } finally {
      privateDer.fill(0);
    }
    return {
      KeyId: key.arn,
      ImportToken: Buffer.concat([Buffer.from([TOKEN_VERSION]), Buffer.from(tokenId, 'hex')]),
      // API_GetParametersForImport PublicKey: "The public key ... DER-encoded" (X.509 SubjectPublicKeyInfo).
      PublicKey: publicKey.export({ format: 'der', type: 'spki' }),
      ParametersValidTo: validTo,
    };
  }

  importKeyMaterial(scope: KmsScope, input: ImportKeyMaterialRequest): ImportKeyMaterialResponse {
    const { key, version } = this.repository.transaction(() => {
      const key = this.external(scope, input.KeyId, 'ImportKeyMaterial');
      const parameters = this.parametersFor(scope, key, input.ImportToken);
      const expiration = this.expirationOf(input);
      const material = this.unwrap(parameters, input.EncryptedKeyMaterial);
      try {
        const keyMaterialId = importedMaterialId(key.keyId, material);
        const version: KeyMaterialVersion = {
          ...(this.versions.getVersion(materialOwner(key), keyMaterialId) ?? { keyId: materialOwner(key), keyMaterialId, createdAt: this.clock.now() }),
          sealed: this.vault.seal(material),
          imported: { ...expiration, ...(input.KeyMaterialDescription !== undefined ? { description: input.KeyMaterialDescription } : {}) },
        };
        return { key: this.place(key, version, input), version };
      } finally {
        material.fill(0);
      }
    });
    this.expireAt(key, version);
    return { KeyId: key.arn, KeyMaterialId: version.keyMaterialId };
  }

  deleteImportedKeyMaterial(scope: KmsScope, input: DeleteImportedKeyMaterialRequest): DeleteImportedKeyMaterialResponse {
    return this.repository.transaction(() => {
      const key = this.external(scope, input.KeyId, 'DeleteImportedKeyMaterial');
      const keyMaterialId = input.KeyMaterialId ?? key.backing.keyMaterialId;
      const version = keyMaterialId === undefined ? undefined : this.versions.getVersion(materialOwner(key), keyMaterialId);
      if (!version?.sealed || keyMaterialId === undefined) throw new KMSInvalidStateException(`${key.arn} has no imported key material${input.KeyMaterialId ? ` ${input.KeyMaterialId}` : ''} to delete.`);
      this.dropMaterial(key, version);
      return { KeyId: key.arn, KeyMaterialId: keyMaterialId };
    });
  }

  /** After a restart: every imported material that expires waits again for its ValidTo (one already past expires at once). */
  resumeExpirations(): void {
    for (const key of this.repository.allKeys()) {
      if (!isLive(key) || key.backing.origin !== KeyOrigin.EXTERNAL) continue;
      for (const version of this.versions.versionsOf(materialOwner(key))) this.expireAt(key, version);
    }
  }

  /** The EXTERNAL key `keyId` names, once the state table allows `operation`; any other origin is refused. */
  private external(scope: KmsScope, keyId: string, operation: KeyOperation): ExternalKey {
    const key = this.keys.find(scope, keyId, operation);
    const { backing } = key;
    // API_GetParametersForImport: "The Origin of the KMS key must be EXTERNAL"; aws-behaviour 2.14: not for keys in a custom key store.
    if (backing.origin !== KeyOrigin.EXTERNAL) throw new UnsupportedOperationException(`${key.arn} origin is ${backing.origin} which is not valid for this operation.`);
    this.keys.allow(key, operation);
    return { ...key, backing };
  }

  private parametersFor(scope: KmsScope, key: ExternalKey, token: Buffer): ImportParameters {
    const tokenId = tokenIdOf(token);
    const parameters = tokenId === undefined ? undefined : this.parameters.get(tokenId);
    if (!parameters || parameters.keyId !== key.keyId || parameters.accountId !== scope.accountId || parameters.region !== scope.region) {
      throw new InvalidImportTokenException(`The import token is not valid for ${key.arn}: pass the ImportToken of a GetParametersForImport response for this key.`);
    }
    // API_ImportKeyMaterial: ExpiredImportTokenException "the specified import token is expired".
    if (this.clock.now().getTime() > parameters.validTo.getTime()) {
      throw new ExpiredImportTokenException(`The import token expired at ${parameters.validTo.toISOString()}: call GetParametersForImport again and wrap the key material with the new public key.`);
    }
    return parameters;
  }

  private expirationOf(input: ImportKeyMaterialRequest): NonNullable<KeyMaterialVersion['imported']> {
    // API_ImportKeyMaterial ExpirationModel: "The default is KEY_MATERIAL_EXPIRES", which needs ValidTo; KEY_MATERIAL_DOES_NOT_EXPIRE must omit it.
    const expirationModel = input.ExpirationModel ?? ExpirationModel.KEY_MATERIAL_EXPIRES;
    if (expirationModel === ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE) {
      if (input.ValidTo !== undefined) throw new ValidationException('ValidTo is not valid with ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE: omit it.');
      return { expirationModel };
    }
    if (input.ValidTo === undefined) throw new ValidationException('ExpirationModel KEY_MATERIAL_EXPIRES (the default) needs ValidTo; or pass ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE.');
    const now = this.clock.now().getTime();
    if (input.ValidTo.getTime() <= now || input.ValidTo.getTime() > now + MAX_VALID_TO_MS) {
      throw new ValidationException(`ValidTo ${input.ValidTo.toISOString()} must be in the future and at most 365 days from now.`);
    }
    return { expirationModel, validTo: input.ValidTo };
  }

  private unwrap(parameters: ImportParameters, wrapped: Buffer): Buffer {
    const privateDer = this.vault.open(parameters.sealedPrivateKey);
    let material: Buffer;
    try {
      material = unwrapKeyMaterial(parameters.wrappingAlgorithm, privateDer, wrapped);
    } finally {
      privateDer.fill(0);
    }
    // importing-keys-conceptual: symmetric encryption key material "must be a 256-bit (32-byte) symmetric key".
    if (material.length !== MATERIAL_BYTES) {
      material.fill(0);
      throw new ValidationException(`The key material is ${material.length} bytes; a symmetric encryption key's material must be 256 bits (${MATERIAL_BYTES} bytes).`);
    }
    return material;
  }

  /** Files `version` as the key's current material (first import, reimport) or as pending rotation (NEW_KEY_MATERIAL). */
  private place(key: ExternalKey, version: KeyMaterialVersion, input: ImportKeyMaterialRequest): LiveKeyRecord {
    const current = key.backing.keyMaterialId;
    const importType = input.ImportType ?? (current === undefined ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
    const known = this.versions.getVersion(materialOwner(key), version.keyMaterialId) !== undefined;
    if (importType === 'EXISTING_KEY_MATERIAL' || current === undefined) {
      // API_ImportKeyMaterial: "you can reimport the same key material into that KMS key, but you cannot import different key material";
      // multi-region-keys-import: every key of a multi-Region set gets the same key material.
      const expected = input.KeyMaterialId ?? current ?? this.materialOfSet(key);
      if (expected !== undefined && expected !== version.keyMaterialId) {
        throw new IncorrectKeyMaterialException(`The key material is not the key material ${expected} previously imported into ${key.arn}: reimport that same material.`);
      }
    } else {
      // API_ImportKeyMaterial ImportType NEW_KEY_MATERIAL: material for a later RotateKeyOnDemand; not for multi-Region keys.
      if (key.multiRegion) throw new UnsupportedOperationException(`${key.arn} is a multi-Region key: its imported key material cannot be rotated.`);
      if (known) throw new IncorrectKeyMaterialException(`This key material was imported into ${key.arn} before (${version.keyMaterialId}): NEW_KEY_MATERIAL must be new.`);
      this.versions.saveVersion({ ...version, imported: { ...version.imported!, pendingRotation: true } });
      return key;
    }
    this.versions.saveVersion(version);
    if (version.keyMaterialId !== (current ?? version.keyMaterialId)) return key;
    const { expirationModel, validTo } = version.imported!;
    const imported: LiveKeyRecord = {
      ...applyKeyEvent(key, 'materialImported'),
      backing: { origin: KeyOrigin.EXTERNAL, imported: true, keyMaterialId: version.keyMaterialId, expirationModel, ...(validTo ? { validTo } : {}) },
    } as LiveKeyRecord;
    this.repository.saveKey(imported);
    return imported;
  }

  /** The material another key of `key`'s multi-Region set was given, if any. */
  private materialOfSet(key: ExternalKey): string | undefined {
    if (!key.multiRegion) return undefined;
    for (const other of this.repository.allKeys()) {
      if (other.keyId === key.keyId && other.region !== key.region && isLive(other) && other.backing.origin === KeyOrigin.EXTERNAL && other.backing.keyMaterialId) return other.backing.keyMaterialId;
    }
    return undefined;
  }

  private expireAt(key: KmsKeyRecord, version: KeyMaterialVersion): void {
    const validTo = version.imported?.validTo;
    if (!validTo || !version.sealed) return;
    const { keyId, region } = key;
    this.clock.at(validTo, () => {
      const expired = this.repository.transaction(() => {
        const now = this.repository.getKey(keyId, region);
        const stored = this.versions.getVersion(version.keyId, version.keyMaterialId);
        // Reimported with another ValidTo, deleted, or the key deleted, since this wait began.
        if (!now || !isLive(now) || now.backing.origin !== KeyOrigin.EXTERNAL || !stored?.sealed || stored.imported?.validTo?.getTime() !== validTo.getTime()) return undefined;
        this.dropMaterial({ ...now, backing: now.backing }, stored);
        return now;
      });
      // ct-delete-expired-key-material: KMS records the deletion of expired material as a service event.
      if (expired) {
        const { accountId, arn: keyArn } = expired;
        this.events.keyEvent({ kind: 'DeleteExpiredKeyMaterial', accountId, region, keyArn, eventTime: this.clock.now(), keyMaterialId: version.keyMaterialId });
      }
    });
  }

  /** The material is gone; when it was the current one the key is PendingImport (a key pending deletion stays so). */
  private dropMaterial(key: ExternalKey, version: KeyMaterialVersion): void {
    const { sealed: _sealed, ...rest } = version;
    this.versions.saveVersion(rest);
    if (version.keyMaterialId !== key.backing.keyMaterialId) return;
    this.repository.saveKey({ ...applyKeyEvent(key, 'materialGone'), backing: { ...key.backing, imported: false } });
  }
}
