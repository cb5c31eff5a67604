// What a preset file describes: clusters (HSMs per zone, trust anchor, users), custom key stores,
// KMS keys and aliases. Everything is named by a `ref` local to the file; AWS ids come when applied.

export interface PresetCryptoUser {
  readonly name: string;
  readonly password: string;
}

export interface PresetClusterUsers {
  /** The password the PRECO `admin` is changed to, which makes it the CO `admin` and activates the cluster. */
  readonly coPassword: string;
  readonly cryptoUsers: readonly PresetCryptoUser[];
}

export interface PresetTrustAnchor {
  /** Paths relative to the preset file. */
  readonly certificate: string;
  readonly privateKey: string;
}

export interface PresetCluster {
  readonly ref: string;
  readonly hsmType: string;
  /** Zone suffix (`a`) or full Availability Zone name -> number of HSMs; the first zone gets the first HSM. */
  readonly hsmsPerZone: Readonly<Record<string, number>>;
  readonly trustAnchor: PresetTrustAnchor;
  readonly users: PresetClusterUsers;
}

export interface PresetCustomKeyStore {
  readonly ref: string;
  readonly name: string;
  /** The `ref` of a cluster of this preset. */
  readonly cluster: string;
  /** kmsuser's password, the KeyStorePassword of CreateCustomKeyStore. */
  readonly password: string;
  readonly connect: boolean;
}

export interface PresetKey {
  readonly ref: string;
  readonly description?: string;
  /** The `ref` of a custom key store of this preset; absent: an ordinary AWS_KMS key. */
  readonly customKeyStore?: string;
}

export interface PresetAlias {
  readonly name: string;
  /** The `ref` of a key of this preset. */
  readonly key: string;
}

export interface Preset {
  readonly name: string;
  readonly description?: string;
  readonly clusters: readonly PresetCluster[];
  readonly customKeyStores: readonly PresetCustomKeyStore[];
  readonly keys: readonly PresetKey[];
  readonly aliases: readonly PresetAlias[];
}

/** A customer CA read from the preset's files. */
export interface PresetCertificateAuthority {
  /** Absolute path of the certificate: cmu's --ca-file, the SDK's trust anchor. */
  readonly certificateFile: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/** A preset read from its file, with its trust anchors and a digest of everything it will create. */
export interface LoadedPreset {
  readonly preset: Preset;
  /** The file it came from. */
  readonly source: string;
  /** SHA-256 of the validated preset and the certificates it uses: applying is a no-op when it matches. */
  readonly digest: string;
  /** Cluster ref -> its customer CA. */
  readonly trustAnchors: Readonly<Record<string, PresetCertificateAuthority>>;
}
