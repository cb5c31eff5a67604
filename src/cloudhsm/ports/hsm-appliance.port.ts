// What the CloudHSM control plane needs of the HSM appliance: start and stop HSM processes, tell
// them their peers and their TLS identity, and hear when one is activated or dies.

import type { ClusterRecord, HsmRecord } from '../domain/cluster';

export interface HsmLaunch {
  readonly cluster: ClusterRecord;
  readonly hsm: HsmRecord;
  /** aws-behaviour 6.6: the PRECO exists only on the first HSM of a never-activated cluster. */
  readonly firstHsm: boolean;
  /** An HSM of the cluster to clone users and keys from (6.7); none for the first HSM. */
  readonly cloneFrom?: HsmRecord;
  readonly peers: readonly HsmRecord[];
  /** A backup file to restore users and keys from, when no HSM of the cluster is there to clone. */
  readonly restoreSnapshotFile?: string;
}

export interface HsmHardwareCertificates {
  readonly HsmCertificate: string;
  readonly AwsHardwareCertificate: string;
  readonly ManufacturerHardwareCertificate: string;
}

export interface HsmAddress {
  readonly host: string;
  readonly crypto: number;
  readonly sync: number;
  readonly management: number;
}

export interface HsmAppliance {
  launch(launch: HsmLaunch): Promise<void>;
  /** Starts HSMs that existed before a simulator restart, with their users and keys; resolves with the ids of those running. */
  resume(cluster: ClusterRecord, hsms: readonly HsmRecord[]): Promise<string[]>;
  peersChanged(cluster: ClusterRecord, hsms: readonly HsmRecord[]): void;
  /** After InitializeCluster: every HSM presents a chain up to the customer's trust anchor. */
  installClusterCertificate(cluster: ClusterRecord, hsms: readonly HsmRecord[], signedCertPem: string, clusterKeyPem: string): void;
  /**
   * A backup of one HSM: users (password hashes), keys wrapped under the cluster key, state. Returned
   * serialised; it is never plaintext key material.
   */
  snapshot(cluster: ClusterRecord, hsm: HsmRecord): Promise<string>;
  /** Stops the HSM's process and removes its token and state. */
  destroy(hsmId: string): Promise<void>;
  address(hsmId: string): HsmAddress | undefined;
  hardwareCertificates(hsmId: string): HsmHardwareCertificates | undefined;
  onActivated(listener: (hsmId: string) => void): void;
  onDied(listener: (hsmId: string) => void): void;
  stopAll(): Promise<void>;
}
