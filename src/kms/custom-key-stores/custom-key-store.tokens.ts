// Injection tokens of the custom key store services' ports; src/main registers them.

export const CustomKeyStoreTokens = {
  Repository: Symbol('CustomKeyStoreRepository'),
  ClusterDirectory: Symbol('CustomKeyStoreClusterDirectory'),
  Network: Symbol('CustomKeyStoreNetwork'),
  /** A KeyCounter from the KMS key service. */
  KeyCounter: Symbol('CustomKeyStoreKeyCounter'),
  /** KnownKeyArns from the KMS key service (the orphaned backing key audit). */
  KnownKeyArns: Symbol('CustomKeyStoreKnownKeyArns'),
  Scheduler: Symbol('CustomKeyStoreScheduler'),
  IdGenerator: Symbol('CustomKeyStoreIdGenerator'),
  /** HsmClientTimeouts for the connections to port 2223. */
  HsmClientTimeouts: Symbol('CustomKeyStoreHsmClientTimeouts'),
  /** Cryptographic requests per second each store takes (a number; 0: no limit). */
  RequestRateLimit: Symbol('CustomKeyStoreRequestRateLimit'),
} as const;
