// Where the simulator remembers which presets its data directory holds, so that starting again with
// the same preset reports what is there instead of building it twice.

export interface AppliedPreset {
  readonly [key: string]: unknown;
  readonly name: string;
  readonly digest: string;
  readonly source: string;
  readonly appliedAt: string;
  /** False from the first CreateCluster until the last CreateAlias: a start that died half-way left it so. */
  readonly complete: boolean;
  readonly accountId: string;
  readonly region: string;
  /** ref -> AWS id, for each kind. */
  readonly clusterIds: Readonly<Record<string, string>>;
  readonly customKeyStoreIds: Readonly<Record<string, string>>;
  readonly keyIds: Readonly<Record<string, string>>;
  readonly aliases: readonly string[];
  /** Cluster ref -> the customer CA certificate file it was initialised with. */
  readonly caFiles: Readonly<Record<string, string>>;
}

export interface AppliedPresetRepository {
  find(name: string): AppliedPreset | undefined;
  save(applied: AppliedPreset): void;
}
