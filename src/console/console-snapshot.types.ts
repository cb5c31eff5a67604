// What the web console shows, as data: the snapshot the server sends (GET /_sim/console/api/snapshot and
// every `snapshot` event of the stream), the timeline entries, and the fixed tables (GET .../api/meta).
// Types only: the browser code imports this file too, so it names no Node.js module.

export type ProcessStatus = 'up' | 'down' | 'hung' | 'starting' | 'stopping' | 'none';

export interface ConsoleUser {
  readonly name: string;
  readonly role: string;
  readonly locked: boolean;
  readonly twoFactor: boolean;
  readonly failedLogins: number;
  readonly loggedIn: boolean;
}

export interface ConsoleHsmKey {
  readonly handle: number;
  /** KMS labels its key material with the key ARN. */
  readonly label: string;
  readonly keyClass: string;
  readonly keyType: string;
  readonly owner: string;
  readonly sharedWith: readonly string[];
  readonly token: boolean;
  /** Every HSM of the cluster that holds this handle. */
  readonly onHsms: readonly string[];
}

export interface ConsoleFaultRef {
  readonly faultId: string;
  readonly kind: string;
}

export interface ConsoleHsm {
  readonly hsmId: string;
  readonly clusterId: string;
  readonly state: string;
  readonly stateMessage: string;
  readonly availabilityZone: string;
  readonly subnetId: string;
  readonly eniId: string;
  readonly eniIp: string;
  readonly process: ProcessStatus;
  /** Where the process listens (its loopback address), when it runs. */
  readonly listen?: { readonly host: string; readonly crypto: number; readonly sync: number; readonly management: number };
  readonly faults: readonly ConsoleFaultRef[];
  /** Absent when the process could not be asked (down, hung). */
  readonly users?: readonly ConsoleUser[];
  readonly keys?: readonly ConsoleHsmKey[];
}

export interface ConsoleEni {
  readonly eniId: string;
  readonly ip: string;
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly requester: string;
  readonly description: string;
}

export interface ConsoleSubnet {
  readonly subnetId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly freeAddresses: number;
  readonly hsmIds: readonly string[];
  /** ENIs KMS made for its stores (requester kms). */
  readonly kmsEnis: readonly ConsoleEni[];
}

export interface ConsoleZone {
  readonly name: string;
  readonly subnets: readonly ConsoleSubnet[];
  /** An az-outage fault is on this zone. */
  readonly outage: boolean;
}

export interface ConsoleVpc {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
  readonly zones: readonly ConsoleZone[];
}

export interface ConsoleCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: string;
}

export interface ConsoleCluster {
  readonly clusterId: string;
  readonly state: string;
  readonly stateMessage?: string;
  readonly vpcId: string;
  readonly securityGroup: string;
  readonly subnetMapping: Readonly<Record<string, string>>;
  readonly sourceBackupId?: string;
  readonly hsms: readonly ConsoleHsm[];
  readonly certificates: {
    readonly csr: boolean;
    readonly clusterCertificate?: ConsoleCertificate;
    /** The trust anchor's subject: the issuer of the signed cluster certificate. */
    readonly trustAnchorSubject?: string;
  };
  /** Why a custom key store cannot use it now; absent when it can. */
  readonly notEligibleBecause?: string;
}

export interface ConsoleBackup {
  readonly backupId: string;
  readonly clusterId: string;
  readonly state: string;
  readonly created: string;
  readonly neverExpires: boolean;
  readonly sourceBackup?: string;
  readonly sourceCluster?: string;
  readonly sourceRegion?: string;
}

export interface ConsoleKmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly state: string;
  readonly description: string;
}

export interface ConsoleSecurityGroup {
  readonly groupId: string;
  readonly name: string;
  readonly rules: readonly string[];
}

export interface ConsoleStore {
  readonly customKeyStoreId: string;
  readonly name: string;
  readonly clusterId: string;
  readonly state: string;
  readonly errorCode?: string;
  readonly created: string;
  readonly trustAnchorSubject?: string;
  readonly securityGroup?: ConsoleSecurityGroup;
  readonly enis: readonly ConsoleEni[];
  readonly keys: readonly ConsoleKmsKey[];
}

export interface ConsoleSnapshot {
  readonly accountId: string;
  /** The Region this picture shows. */
  readonly region: string;
  /** The Regions that hold anything (clusters, HSMs, backups, stores, keys) and the default one: the Region picker. */
  readonly regions: readonly string[];
  /** The simulator's default Region (--region). */
  readonly defaultRegion: string;
  /** The simulated clock. */
  readonly clock: { readonly now: string; readonly offsetSeconds: number };
  readonly vpcs: readonly ConsoleVpc[];
  readonly clusters: readonly ConsoleCluster[];
  readonly backups: readonly ConsoleBackup[];
  readonly stores: readonly ConsoleStore[];
  readonly faults: readonly ConsoleFault[];
}

export interface ConsoleFault {
  readonly faultId: string;
  readonly kind: string;
  readonly target: Readonly<Record<string, string>>;
  readonly since: string;
  readonly healsAt?: string;
  readonly hsmIds: readonly string[];
}

export type TimelineKind = 'aws' | 'hsm' | 'fault' | 'clock' | 'process';

export interface TimelineEntry {
  readonly seq: number;
  /** Real time, ISO. */
  readonly time: string;
  readonly kind: TimelineKind;
  /** One line: what happened. */
  readonly summary: string;
  /** `ok`, or the error code. */
  readonly outcome?: string;
  readonly hsmId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface GuideStep {
  readonly title: string;
  readonly purpose: string;
  /** The shell command(s) that do the same, with `$A` = `aws --endpoint-url ... --region ...`; `<region>` is left for the page to fill with the Region it shows. */
  readonly command: string;
  /** The part of the picture this step changes. */
  readonly highlight: 'subnets' | 'cluster' | 'hsm' | 'certificates' | 'users' | 'store' | 'keys';
}

export interface ConsoleMeta {
  readonly endpoint: string;
  readonly accountId: string;
  readonly region: string;
  /** The connection state table of custom-key-store.states.ts. */
  readonly connectionStates: readonly string[];
  readonly connectionTransitions: readonly { readonly from: string; readonly event: string; readonly to: string }[];
  /** aws-behaviour 3.4, "documented fix" column, by ConnectionErrorCode. */
  readonly connectionAdvice: Readonly<Record<string, { readonly cause: string; readonly fix: string }>>;
  readonly faultKinds: readonly { readonly kind: string; readonly summary: string; readonly heal: string }[];
  readonly guide: readonly GuideStep[];
  /** How many timeline entries the server keeps. */
  readonly timelineLimit: number;
}
