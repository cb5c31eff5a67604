// Injection tokens of the ports behind grants, rotation, imported material, key usage and service events; the
// composition root (src/main) registers them.

export const KmsKeyFeatureTokens = {
  /** A GrantRepository (grants/sqlite-grant.repository.ts). */
  GrantRepository: Symbol('GrantRepository'),
  /** A KeyMaterialRepository (rotation/sqlite-key-material.repository.ts): material versions and rotation settings. */
  KeyMaterialRepository: Symbol('KeyMaterialRepository'),
  /** An ImportParametersRepository (import/sqlite-import-parameters.repository.ts). */
  ImportParametersRepository: Symbol('ImportParametersRepository'),
  /** A KeyUsageRepository (usage/sqlite-key-usage.repository.ts). */
  KeyUsageRepository: Symbol('KeyUsageRepository'),
  /** KeyServiceEvents (src/kms/ports/key-service-events.port.ts): the CloudTrail recorder in the simulator. */
  ServiceEvents: Symbol('KeyServiceEvents'),
} as const;
