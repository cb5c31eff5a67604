// EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand and ListKeyRotations
// (rotate-keys.html). A rotation adds a material version and makes it current for new ciphertexts; every
// older version stays, so every ciphertext still decrypts. Automatic rotations wait on the simulated clock
// (re-armed after a restart), so advancing the clock past NextRotationDate rotates the key.
// SIM: an on-demand rotation completes before RotateKeyOnDemand returns, so GetKeyRotationStatus never
// shows OnDemandRotationStartDate and ConflictException (a rotation in progress) never happens.

import { inject, injectable } from 'tsyringe';
import type { AlarmClock } from '../../../shared/clock';
import { Tokens } from '../../../shared/injection-tokens';
import { KMSInvalidStateException, LimitExceededException } from '../../kms.errors';
import { isLive, KeyOrigin, type KmsKeyRecord, type KmsScope, type LiveKeyRecord } from '../domain/kms-key';
import { StoredKeyState } from '../domain/kms-key.states';
import { markerPage } from '../domain/marker-page';
import { KeyResolver } from '../key-resolver';
import { KmsKeyFeatureTokens } from '../kms-key-features.tokens';
import type { Empty, KeyIdRequest } from '../kms-key.shapes';
import { KmsKeyTokens } from '../kms-key.tokens';
import type { KmsKeyRepository } from '../ports/kms-key.repository';
import type { KeyServiceEvents } from '../../ports/key-service-events.port';
import { materialOwner, RotationType, type KeyMaterialVersion, type RotationSettings } from './key-material';
import type { KeyMaterialRepository } from './key-material.repository';
import { isSimulatorKey, KeyMaterials, type SimulatorKey } from './key-materials';
import { DEFAULT_ROTATION_PERIOD_DAYS, MAX_ON_DEMAND_ROTATIONS, rotationRefusal, type RotationOperation } from './rotation.rules';
import type { EnableKeyRotationRequest, GetKeyRotationStatusResponse, ListKeyRotationsRequest, ListKeyRotationsResponse, RotationsListEntry } from './rotation.shapes';

const DAY_MS = 24 * 60 * 60_000;
/** API_ListKeyRotations: Limit defaults to 100. */
const DEFAULT_LIMIT = 100;

function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

@injectable()
export class KeyRotationService {
  constructor(
    @inject(KmsKeyTokens.KeyRepository) private readonly repository: KmsKeyRepository,
    @inject(KmsKeyFeatureTokens.KeyMaterialRepository) private readonly versions: KeyMaterialRepository,
    @inject(KeyMaterials) private readonly materials: KeyMaterials,
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(Tokens.Clock) private readonly clock: AlarmClock,
    @inject(KmsKeyFeatureTokens.ServiceEvents) private readonly events: KeyServiceEvents,
  ) {}

  enableKeyRotation(scope: KmsScope, input: EnableKeyRotationRequest): Empty {
    const rotationPeriodInDays = input.RotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
    const settings = this.repository.transaction(() => {
      const key = this.rotatable(scope, input.KeyId, 'EnableKeyRotation');
      const current = this.settingsOf(key.keyId);
      // API_EnableKeyRotation: the first automatic rotation is RotationPeriodInDays after rotation is enabled.
      const next: RotationSettings = { ...current, enabled: true, rotationPeriodInDays, nextRotationDate: daysAfter(this.clock.now(), rotationPeriodInDays) };
      this.versions.saveRotation(next);
      return next;
    });
    this.arm(settings);
    return {};
  }

  disableKeyRotation(scope: KmsScope, input: KeyIdRequest): Empty {
    this.repository.transaction(() => {
      const key = this.rotatable(scope, input.KeyId, 'DisableKeyRotation');
      const { nextRotationDate: _next, ...current } = this.settingsOf(key.keyId);
      this.versions.saveRotation({ ...current, enabled: false });
    });
    return {};
  }

  getKeyRotationStatus(scope: KmsScope, input: KeyIdRequest): GetKeyRotationStatusResponse {
    const key = this.rotatable(scope, input.KeyId, 'GetKeyRotationStatus');
    const settings = this.versions.getRotation(key.keyId);
    if (!settings?.enabled || !isSimulatorKey(key) || key.backing.origin !== KeyOrigin.AWS_KMS) return { KeyId: key.arn, KeyRotationEnabled: false };
    return { KeyId: key.arn, KeyRotationEnabled: true, RotationPeriodInDays: settings.rotationPeriodInDays, ...(settings.nextRotationDate ? { NextRotationDate: settings.nextRotationDate } : {}) };
  }

  rotateKeyOnDemand(scope: KmsScope, input: KeyIdRequest): { KeyId: string } {
    return this.repository.transaction(() => {
      const key = this.rotatable(scope, input.KeyId, 'RotateKeyOnDemand');
      const settings = this.settingsOf(key.keyId);
      if (settings.onDemandRotations >= MAX_ON_DEMAND_ROTATIONS) {
        throw new LimitExceededException(`${key.arn} has had ${MAX_ON_DEMAND_ROTATIONS} on-demand rotations, the most a KMS key can have.`);
      }
      if (isSimulatorKey(key)) this.rotate(key, RotationType.ON_DEMAND, this.clock.now());
      this.versions.saveRotation({ ...settings, onDemandRotations: settings.onDemandRotations + 1 });
      return { KeyId: key.arn };
    });
  }

  listKeyRotations(scope: KmsScope, input: ListKeyRotationsRequest): ListKeyRotationsResponse {
    const key = this.rotatable(scope, input.KeyId, 'ListKeyRotations');
    if (!isSimulatorKey(key)) return { Rotations: [], Truncated: false };
    const all = this.versionsOf(key);
    // API_ListKeyRotations IncludeKeyMaterial: ROTATIONS_ONLY (the default) lists the materials rotations made current.
    const listed = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL' ? all : all.filter((version) => version.rotationDate !== undefined);
    const { items, ...page } = markerPage(listed, input.Limit ?? DEFAULT_LIMIT, input.Marker);
    return { Rotations: items.map((version) => this.entry(key, version)), ...page };
  }

  /** After a restart: every enabled automatic rotation waits again for its date (one already past rotates at once). */
  resumeRotations(): void {
    for (const settings of this.versions.allRotations()) this.arm(settings);
  }

  private arm(settings: RotationSettings): void {
    const { keyId, nextRotationDate } = settings;
    if (settings.enabled && nextRotationDate) this.clock.at(nextRotationDate, () => this.rotateAutomatically(keyId, nextRotationDate));
  }

  private rotateAutomatically(keyId: string, due: Date): void {
    const next = this.repository.transaction(() => {
      const settings = this.versions.getRotation(keyId);
      // Disabled, or enabled again with another date, since this wait began.
      if (!settings?.enabled || settings.nextRotationDate?.getTime() !== due.getTime()) return undefined;
      const key = this.primaryOf(keyId);
      if (!key) return undefined;
      // SIM: a key that is not Enabled on its rotation date skips that rotation and waits for the next date.
      const rotated = key.state === StoredKeyState.Enabled && isSimulatorKey(key) ? this.rotate(key, RotationType.AUTOMATIC, due) : undefined;
      const rearmed: RotationSettings = { ...settings, nextRotationDate: daysAfter(due, settings.rotationPeriodInDays) };
      this.versions.saveRotation(rearmed);
      return { rearmed, rotated: rotated === undefined ? undefined : { key, keyMaterialId: rotated } };
    });
    if (!next) return;
    // ct-rotatekey: automatic rotations are recorded as a RotateKey service event.
    if (next.rotated) {
      const { key, keyMaterialId } = next.rotated;
      this.events.keyEvent({ kind: 'RotateKey', accountId: key.accountId, region: key.region, keyArn: key.arn, eventTime: this.clock.now(), keyMaterialId });
    }
    this.arm(next.rearmed);
  }

  /** The key `keyId` names, once it may take `operation` (kind first, then state). */
  private rotatable(scope: KmsScope, keyId: string, operation: RotationOperation): LiveKeyRecord {
    const key = this.keys.find(scope, keyId, operation);
    const { KeySpec, KeyUsage } = this.keys.metadataOf(key);
    const replica = key.multiRegion !== undefined && key.multiRegion.primaryRegion !== key.region;
    const refusal = rotationRefusal(key, KeySpec, KeyUsage, replica, operation);
    if (refusal) throw refusal;
    this.keys.allow(key, operation);
    return key;
  }

  private settingsOf(keyId: string): RotationSettings {
    return this.versions.getRotation(keyId) ?? { keyId, enabled: false, rotationPeriodInDays: DEFAULT_ROTATION_PERIOD_DAYS, onDemandRotations: 0 };
  }

  /** Makes a new material current for `key` and every key of its multi-Region set. */
  private rotate(key: SimulatorKey, rotationType: RotationType, rotationDate: Date): string {
    if (key.backing.origin === KeyOrigin.EXTERNAL) return this.rotateImported(key, rotationDate);
    const current = key.backing.keyMaterialId;
    if (current !== undefined && !this.versions.getVersion(key.keyId, current)) {
      const sealed = this.repository.getMaterial(key.keyId);
      this.versions.saveVersion({ keyId: key.keyId, keyMaterialId: current, createdAt: key.creationDate, original: true, ...(sealed ? { sealed } : {}) });
    }
    const { keyMaterialId, sealed } = this.materials.newMaterial();
    this.versions.saveVersion({ keyId: key.keyId, keyMaterialId, sealed, createdAt: rotationDate, rotationDate, rotationType });
    this.makeCurrent(key, keyMaterialId);
    return keyMaterialId;
  }

  /** API_RotateKeyOnDemand on imported material: the material imported with ImportType NEW_KEY_MATERIAL becomes current. */
  private rotateImported(key: SimulatorKey, rotationDate: Date): string {
    const pending = this.versions.versionsOf(materialOwner(key)).find((version) => version.imported?.pendingRotation);
    if (!pending?.imported) {
      throw new KMSInvalidStateException(`${key.arn} has no key material pending rotation: import new key material (ImportKeyMaterial with ImportType NEW_KEY_MATERIAL) first.`);
    }
    this.versions.saveVersion({ ...pending, rotationDate, rotationType: RotationType.ON_DEMAND, imported: { ...pending.imported, pendingRotation: false } });
    const { expirationModel, validTo } = pending.imported;
    this.repository.saveKey({ ...key, backing: { origin: KeyOrigin.EXTERNAL, imported: true, keyMaterialId: pending.keyMaterialId, expirationModel, ...(validTo ? { validTo } : {}) } });
    return pending.keyMaterialId;
  }

  private makeCurrent(key: SimulatorKey, keyMaterialId: string): void {
    const set = key.multiRegion ? this.repository.allKeys().filter((other) => other.keyId === key.keyId && isLive(other)) : [key];
    for (const member of set) {
      if (member.backing.origin === KeyOrigin.AWS_KMS) this.repository.saveKey({ ...member, backing: { ...member.backing, keyMaterialId } });
    }
  }

  private primaryOf(keyId: string): KmsKeyRecord | undefined {
    return this.repository.allKeys().find((key) => key.keyId === keyId && isLive(key) && (!key.multiRegion || key.multiRegion.primaryRegion === key.region));
  }

  /** Every material of the key, oldest first; an AWS_KMS key never rotated has only the one CreateKey made. */
  private versionsOf(key: SimulatorKey): KeyMaterialVersion[] {
    const stored = this.versions.versionsOf(materialOwner(key));
    const current = key.backing.keyMaterialId;
    if (key.backing.origin === KeyOrigin.AWS_KMS && current !== undefined && !stored.some((version) => version.keyMaterialId === current)) {
      return [{ keyId: key.keyId, keyMaterialId: current, createdAt: key.creationDate, original: true }, ...stored];
    }
    return stored;
  }

  private entry(key: SimulatorKey, version: KeyMaterialVersion): RotationsListEntry {
    const { imported } = version;
    const state = imported?.pendingRotation ? 'PENDING_ROTATION' : version.keyMaterialId === key.backing.keyMaterialId ? 'CURRENT' : 'NON_CURRENT';
    return {
      KeyId: key.arn,
      KeyMaterialId: version.keyMaterialId,
      KeyMaterialState: state,
      ...(version.rotationDate ? { RotationDate: version.rotationDate } : {}),
      ...(version.rotationType ? { RotationType: version.rotationType } : {}),
      ...(imported
        ? {
            ImportState: version.sealed ? 'IMPORTED' : 'PENDING_IMPORT',
            ExpirationModel: imported.expirationModel,
            ...(imported.validTo ? { ValidTo: imported.validTo } : {}),
            ...(imported.description !== undefined ? { KeyMaterialDescription: imported.description } : {}),
          }
        : {}),
    };
  }
}
