// The HSM appliance as node processes: one per HSM, each with a SoftHSM2 token, listening on the
// loopback address derived from its ENI IP. Certificates come from a simulated hardware CA that is
// created once per data directory. Fault injection reaches the HSMs through here: faults each node applies
// to itself, passwords changed behind KMS's back, and process signals (kill, hang).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActiveNodeFault } from '../../../hsm-sim/faults/node-fault.types';
import { readLaunchFile } from '../../../hsm-sim/fleet/launch-file';
import { loopbackAddressFor } from '../../../hsm-sim/fleet/loopback-address';
import { NodeFleet } from '../../../hsm-sim/fleet/node-fleet';
import type { NodeFleetPort } from '../../../hsm-sim/fleet/node-fleet.port';
import { FACTORY_PRECO_PASSWORD, type NodeEndpoint, type NodeLaunch, type NodePorts, type PasswordChangeOutcome } from '../../../hsm-sim/fleet/node-launch.types';
import { NodeProcessState } from '../../../hsm-sim/fleet/node-process.states';
import type { AuditEntry } from '../../../hsm-sim/node/audit-log';
import type { NodeInspection } from '../../../hsm-sim/node/node-inspection';
import { stringifyWithBuffers } from '../../../hsm-sim/protocol';
import { PeerConnections } from '../../../hsm-sim/sync/peer-connections';
import { isHsmType, type HsmType } from '../../../hsm-sim/node/hsm-type-limits';
import { createHardwareCa, createHsmIdentity, issueInitializedHsmIdentity, type CertificateAuthority } from '../../../hsm-sim/node/certificates';
import type { ClusterRecord, HsmRecord } from '../../cloudhsm/domain/cluster';
import type { HsmAddress, HsmAppliance, HsmHardwareCertificates, HsmLaunch } from '../../cloudhsm/ports/hsm-appliance.port';
import type { RemoteHostPlacement } from './remote-host-placement';

/** aws-behaviour 6.6: the PRECO's initial password in the 2017-2019 docs (the HSM's factory setting). */
export const INITIAL_PRECO_PASSWORD = FACTORY_PRECO_PASSWORD;
const STANDARD_PORTS: NodePorts = { crypto: 2223, sync: 2224, management: 2225 };
const EPHEMERAL_PORTS: NodePorts = { crypto: 0, sync: 0, management: 0 };

export interface FleetApplianceOptions {
  readonly dataDir: string;
  readonly nodeEntry: string;
  readonly engine: 'softhsm' | 'in-memory';
  readonly softHsmLibrary?: string;
  /** 'standard': 2223-2225 on each HSM's own address; 'ephemeral': ports the system picks (tests). */
  readonly ports: 'standard' | 'ephemeral';
  /** false: HSMs run without any fault seam (benchmarks of the bare path); default true. */
  readonly faultLayer?: boolean;
  /** HSM hosts (--hsm-host): an HSM of a zone that has one runs there; the others stay child processes here. */
  readonly placement?: RemoteHostPlacement;
}

/** CreateCluster admits only the HSM types a node simulates, so any other is a damaged cluster record. */
function nodeHsmType(cluster: ClusterRecord): HsmType {
  if (!isHsmType(cluster.hsmType)) throw new Error(`cluster ${cluster.clusterId} has HSM type ${cluster.hsmType}, which no simulated HSM is`);
  return cluster.hsmType;
}

export class FleetAppliance implements HsmAppliance {
  private readonly fleet: NodeFleetPort;
  private readonly hardwareCa: CertificateAuthority;
  private readonly addresses = new Map<string, HsmAddress>();

  constructor(private readonly options: FleetApplianceOptions) {
    this.fleet = options.placement?.fleet ?? new NodeFleet({ entry: options.nodeEntry });
    this.hardwareCa = loadHardwareCa(join(options.dataDir, 'pki'));
  }

  async launch({ cluster, hsm, firstHsm, cloneFrom, peers, restoreSnapshotFile }: HsmLaunch): Promise<void> {
    // SIM: on an HSM host, every HSM of the zone listens on the host's one address, on ports the system picks.
    const hostAddress = this.options.placement?.hostFor(hsm.availabilityZone);
    const host = hostAddress ?? loopbackAddressFor(hsm.eniIp);
    const launch: NodeLaunch = {
      hsmId: hsm.hsmId,
      clusterId: cluster.clusterId,
      serialNumber: String(parseInt(hsm.hsmId.slice(4, 10), 36) % 10 ** 9),
      slot: hsm.slot,
      hsmType: nodeHsmType(cluster),
      directory: this.directoryOf(hsm.hsmId),
      host,
      ...(hostAddress ? { hostZone: hsm.availabilityZone } : {}),
      ports: this.options.ports === 'standard' && !hostAddress ? STANDARD_PORTS : EPHEMERAL_PORTS,
      clusterSyncKeyHex: cluster.internal.syncKeyHex,
      firstHsm,
      // No password in the launch file: a first HSM starts with the factory PRECO password (FACTORY_PRECO_PASSWORD).
      tls: this.identityFor(cluster, hsm.hsmId, host),
      trustedCaPems: this.trustedCas(cluster),
      ...(cloneFrom ? { cloneFrom: this.endpoint(cloneFrom) } : {}),
      ...(restoreSnapshotFile && !cloneFrom ? { restoreSnapshotFile } : {}),
      peers: peers.flatMap((peer) => (this.addresses.has(peer.hsmId) ? [this.endpoint(peer)] : [])),
      engine: this.options.engine,
      ...(this.options.softHsmLibrary ? { softHsmLibrary: this.options.softHsmLibrary } : {}),
      ...(this.options.faultLayer === false ? { faultLayer: false } : {}),
    };
    const info = await this.fleet.launch(launch);
    this.addresses.set(hsm.hsmId, { host, ...info.ports! });
  }

  /** Before anything starts: ends every HSM process a simulator that died left running on this data directory. */
  async endOrphans(): Promise<number[]> {
    const hsmsDir = join(this.options.dataDir, 'hsms');
    const folders = existsSync(hsmsDir) ? readdirSync(hsmsDir).map((name) => join(hsmsDir, name)) : [];
    return this.fleet.endOrphans(folders);
  }

  async resume(cluster: ClusterRecord, hsms: readonly HsmRecord[]): Promise<string[]> {
    const started = await this.fleet.startAll(hsms.map((hsm) => this.directoryOf(hsm.hsmId)));
    started.forEach((info) => this.addresses.set(info.hsmId, { host: info.host, ...info.ports! }));
    this.peersChanged(cluster, hsms);
    return started.map((info) => info.hsmId);
  }

  peersChanged(_cluster: ClusterRecord, hsms: readonly HsmRecord[]): void {
    const running = hsms.filter((hsm) => this.addresses.has(hsm.hsmId));
    const peers = running.map((hsm) => this.endpoint(hsm));
    for (const hsm of running) this.fleet.updatePeers(hsm.hsmId, peers);
  }

  installClusterCertificate(cluster: ClusterRecord, hsms: readonly HsmRecord[], signedCertPem: string, clusterKeyPem: string): void {
    for (const hsm of hsms) {
      const address = this.addresses.get(hsm.hsmId);
      if (!address) continue;
      const identity = issueInitializedHsmIdentity({ keyPem: clusterKeyPem, certPem: signedCertPem }, { hsmId: hsm.hsmId, ip: address.host });
      this.fleet.updateIdentity(hsm.hsmId, identity, this.trustedCas(cluster));
    }
  }

  async snapshot(cluster: ClusterRecord, hsm: HsmRecord): Promise<string> {
    // The control plane proves cluster membership on the sync port like any HSM of the cluster.
    const connections = new PeerConnections({
      hsmId: 'control-plane',
      clusterId: cluster.clusterId,
      syncKey: Buffer.from(cluster.internal.syncKeyHex, 'hex'),
      trustedCaPems: this.trustedCas(cluster),
    });
    try {
      return stringifyWithBuffers(await connections.call(this.endpoint(hsm), 'snapshot'));
    } finally {
      await connections.closeAll();
    }
  }

  async destroy(hsmId: string): Promise<void> {
    if (this.fleet.list().some((info) => info.hsmId === hsmId)) {
      await this.fleet.stop(hsmId);
      this.fleet.forget(hsmId);
    }
    this.addresses.delete(hsmId);
    rmSync(this.directoryOf(hsmId), { recursive: true, force: true });
  }

  address(hsmId: string): HsmAddress | undefined {
    return this.addresses.get(hsmId);
  }

  hardwareCertificates(hsmId: string): HsmHardwareCertificates | undefined {
    const launchFile = join(this.directoryOf(hsmId), 'node-launch.json');
    if (!existsSync(launchFile)) return undefined;
    const chain = (JSON.parse(readFileSync(launchFile, 'utf8')) as NodeLaunch).tls.certChainPem;
    const leaf = chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + '-----END CERTIFICATE-----'.length);
    // SIM: one simulated hardware CA stands for both AWS's and the manufacturer's.
    return { HsmCertificate: leaf, AwsHardwareCertificate: this.hardwareCa.certPem, ManufacturerHardwareCertificate: this.hardwareCa.certPem };
  }

  onActivated(listener: (hsmId: string) => void): void {
    this.fleet.on('activated', listener);
  }

  onDied(listener: (hsmId: string) => void): void {
    this.fleet.on('died', (hsmId) => {
      this.addresses.delete(hsmId);
      listener(hsmId);
    });
  }

  /** Every audit log entry of every HSM, as it is written (the web console's timeline). */
  onAudit(listener: (hsmId: string, entry: AuditEntry) => void): void {
    this.fleet.on('audit', listener);
  }

  /** Read-only: an HSM's users and keys (the web console); undefined when its process is not running or does not answer. */
  inspect(hsmId: string): Promise<NodeInspection | undefined> {
    if (!this.fleet.list().some((info) => info.hsmId === hsmId)) return Promise.resolve(undefined);
    return this.fleet.inspect(hsmId);
  }

  /** An HSM host stopped answering (false: its zone is down) or answers again (true); never for local HSMs. */
  onReachability(listener: (hsmId: string, reachable: boolean) => void): void {
    this.options.placement?.onReachability(listener);
  }

  // --- fault injection (DESIGN decision 8) -------------------------------------------------------

  /** The whole set of faults active on this HSM (empty heals); it keeps them across restarts. */
  setNodeFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void {
    this.fleet.setFaults(hsmId, faults);
  }

  /** The HSM changes this user's password as a CO would; refused while the user is logged in there (7.3). */
  changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChangeOutcome> {
    return this.fleet.changeUserPassword(hsmId, username, password);
  }

  /** SIGKILL: the HSM dies at once; onDied listeners hear of it. */
  async killHsm(hsmId: string): Promise<void> {
    await this.fleet.kill(hsmId);
  }

  /** SIGSTOP: the process stays and its sockets stay open, but nothing answers. */
  hangHsm(hsmId: string): void {
    if (this.processState(hsmId) === NodeProcessState.RUNNING) this.fleet.hang(hsmId);
  }

  unhangHsm(hsmId: string): void {
    if (this.processState(hsmId) === NodeProcessState.HUNG) this.fleet.resume(hsmId);
  }

  /**
   * Starts a dead (or stopped) HSM again from its folder, with its users and keys, and tells every running
   * HSM of its cluster the new peer list. Resolves true once it runs, false if it could not start.
   */
  async startHsmAgain(hsmId: string): Promise<boolean> {
    const directory = this.directoryOf(hsmId);
    let info;
    try {
      info = await this.fleet.start(directory);
    } catch {
      return false;
    }
    if (info.state !== NodeProcessState.RUNNING || !info.ports) return false;
    this.addresses.set(hsmId, { host: info.host, ...info.ports });
    this.announceClusterPeers(readLaunchFile(directory).clusterId);
    return true;
  }

  /** The HSM's process as the fleet sees it: 'running', 'hung', 'dead', 'stopped' (or 'starting', 'stopping'); undefined if unknown. */
  processState(hsmId: string): NodeProcessState | undefined {
    return this.fleet.list().find((info) => info.hsmId === hsmId)?.state;
  }

  /** HSM id -> the state of its process (starting, running, hung, stopped, dead): GET /_sim/health. */
  processStates(): Record<string, string> {
    return Object.fromEntries(this.fleet.list().map((info) => [info.hsmId, info.state]));
  }

  async stopAll(): Promise<void> {
    await this.fleet.stopAll();
    this.options.placement?.close();
  }

  /** Every running HSM of this cluster learns the endpoints of the others (as peersChanged, from the launch files). */
  private announceClusterPeers(clusterId: string): void {
    const members = this.fleet
      .list()
      .filter((info) => this.addresses.has(info.hsmId) && readLaunchFile(info.directory).clusterId === clusterId);
    const peers = members.map((info) => ({ hsmId: info.hsmId, host: this.addresses.get(info.hsmId)!.host, syncPort: this.addresses.get(info.hsmId)!.sync }));
    for (const member of members) this.fleet.updatePeers(member.hsmId, peers);
  }

  private identityFor(cluster: ClusterRecord, hsmId: string, host: string): NodeLaunch['tls'] {
    const { ClusterCertificate } = cluster.certificates;
    const clusterKeyPem = cluster.internal.clusterKeyPem;
    if (ClusterCertificate && clusterKeyPem) {
      return issueInitializedHsmIdentity({ keyPem: clusterKeyPem, certPem: ClusterCertificate }, { hsmId, ip: host });
    }
    return createHsmIdentity(this.hardwareCa, { hsmId, ip: host });
  }

  private trustedCas(cluster: ClusterRecord): string[] {
    return [this.hardwareCa.certPem, ...(cluster.trustAnchor ? [cluster.trustAnchor] : [])];
  }

  private endpoint(hsm: HsmRecord): NodeEndpoint {
    const address = this.addresses.get(hsm.hsmId);
    if (!address) throw new Error(`HSM ${hsm.hsmId} is not running`);
    return { hsmId: hsm.hsmId, host: address.host, syncPort: address.sync };
  }

  private directoryOf(hsmId: string): string {
    return join(this.options.dataDir, 'hsms', hsmId);
  }
}

function loadHardwareCa(directory: string): CertificateAuthority {
  const file = join(directory, 'hardware-ca.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CertificateAuthority;
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const ca = createHardwareCa();
  writeFileSync(file, JSON.stringify(ca), { mode: 0o600 });
  writeFileSync(join(directory, 'hardware-ca.crt'), ca.certPem);
  return ca;
}
