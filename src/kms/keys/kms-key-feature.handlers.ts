// The KMS key operations of grants, rotation, imported key material, multi-Region keys and key usage,
// each handed to its service with the caller's account and Region. kms-key.handlers.ts serves them with
// the others (grant tokens checked, key usage recorded).

import type { DependencyContainer } from 'tsyringe';
import type { KmsScope } from './domain/kms-key';
import { GrantService } from './grants/grant.service';
import type * as GrantShapes from './grants/grant.shapes';
import { KeyImportService } from './import/key-import.service';
import type * as ImportShapes from './import/import.shapes';
import type { KeyIdRequest } from './kms-key.shapes';
import { MultiRegionService } from './multi-region/multi-region.service';
import type * as MultiRegionShapes from './multi-region/multi-region.shapes';
import { KeyRotationService } from './rotation/key-rotation.service';
import type * as RotationShapes from './rotation/rotation.shapes';
import { KeyUsageService } from './usage/key-usage.service';

type Handler = (input: never, context: KmsScope) => unknown;

/** The operation names, read off the handlers below. */
export type KmsKeyFeatureOperation = keyof ReturnType<typeof kmsKeyFeatureHandlers>;

export function kmsKeyFeatureHandlers(container: DependencyContainer) {
  const grants = container.resolve(GrantService);
  const rotation = container.resolve(KeyRotationService);
  const imports = container.resolve(KeyImportService);
  const multiRegion = container.resolve(MultiRegionService);
  const usage = container.resolve(KeyUsageService);
  return {
    CreateGrant: (input: GrantShapes.CreateGrantRequest, scope: KmsScope) => grants.createGrant(scope, input),
    ListGrants: (input: GrantShapes.ListGrantsRequest, scope: KmsScope) => grants.listGrants(scope, input),
    ListRetirableGrants: (input: GrantShapes.ListRetirableGrantsRequest, scope: KmsScope) => grants.listRetirableGrants(scope, input),
    RetireGrant: (input: GrantShapes.RetireGrantRequest, scope: KmsScope) => grants.retireGrant(scope, input),
    RevokeGrant: (input: GrantShapes.RevokeGrantRequest, scope: KmsScope) => grants.revokeGrant(scope, input),
    EnableKeyRotation: (input: RotationShapes.EnableKeyRotationRequest, scope: KmsScope) => rotation.enableKeyRotation(scope, input),
    DisableKeyRotation: (input: KeyIdRequest, scope: KmsScope) => rotation.disableKeyRotation(scope, input),
    GetKeyRotationStatus: (input: KeyIdRequest, scope: KmsScope) => rotation.getKeyRotationStatus(scope, input),
    RotateKeyOnDemand: (input: KeyIdRequest, scope: KmsScope) => rotation.rotateKeyOnDemand(scope, input),
    ListKeyRotations: (input: RotationShapes.ListKeyRotationsRequest, scope: KmsScope) => rotation.listKeyRotations(scope, input),
    GetParametersForImport: (input: ImportShapes.GetParametersForImportRequest, scope: KmsScope) => imports.getParametersForImport(scope, input),
    ImportKeyMaterial: (input: ImportShapes.ImportKeyMaterialRequest, scope: KmsScope) => imports.importKeyMaterial(scope, input),
    DeleteImportedKeyMaterial: (input: ImportShapes.DeleteImportedKeyMaterialRequest, scope: KmsScope) => imports.deleteImportedKeyMaterial(scope, input),
    ReplicateKey: (input: MultiRegionShapes.ReplicateKeyRequest, scope: KmsScope) => multiRegion.replicateKey(scope, input),
    UpdatePrimaryRegion: (input: MultiRegionShapes.UpdatePrimaryRegionRequest, scope: KmsScope) => multiRegion.updatePrimaryRegion(scope, input),
    GetKeyLastUsage: (input: KeyIdRequest, scope: KmsScope) => usage.getKeyLastUsage(scope, input),
  } satisfies Record<string, Handler>;
}
