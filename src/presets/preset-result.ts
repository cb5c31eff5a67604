// What applying a preset reports: the AWS ids of everything it describes, and the credentials a user
// needs for cmu (a demo credential from the preset file: printed once at start, never logged).

export interface PresetClusterResult {
  readonly ref: string;
  readonly clusterId: string;
  readonly state: string;
  readonly hsmIds: readonly string[];
  /** The customer CA certificate the cluster was initialised with: cmu's --ca-file, the store's trust anchor. */
  readonly caFile: string;
  readonly admin: { readonly username: string; readonly password: string };
}

export interface PresetStoreResult {
  readonly ref: string;
  readonly customKeyStoreId: string;
  readonly name: string;
  readonly connectionState: string;
}

export interface PresetKeyResult {
  readonly ref: string;
  readonly keyId: string;
  readonly customKeyStoreId?: string;
}

export interface PresetResult {
  readonly name: string;
  readonly source: string;
  /** True when the data directory already held this preset: nothing was created. */
  readonly alreadyApplied: boolean;
  readonly appliedAt: string;
  readonly tookMs: number;
  readonly clusters: readonly PresetClusterResult[];
  readonly customKeyStores: readonly PresetStoreResult[];
  readonly keys: readonly PresetKeyResult[];
  readonly aliases: readonly string[];
}
