// Injection tokens of the CloudHSM control plane's ports.

export const CloudHsmTokens = {
  ClusterRepository: Symbol('ClusterRepository'),
  HsmAppliance: Symbol('HsmAppliance'),
  CloudHsmNetwork: Symbol('CloudHsmNetwork'),
  Scheduler: Symbol('Scheduler'),
  IdGenerator: Symbol('IdGenerator'),
  BackupVault: Symbol('BackupVault'),
} as const;
