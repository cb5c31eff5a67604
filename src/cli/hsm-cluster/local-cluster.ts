// A cluster of HSM node processes without the control plane: for learning the admin tools and for
// trying the appliance by hand. Its description lives in <data dir>/hsm-cluster/cluster.json, so a
// second start brings back the same HSMs with their users and keys.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loopbackAddressFor } from '../../../hsm-sim/fleet/loopback-address';
import { NodeFleet } from '../../../hsm-sim/fleet/node-fleet';
import { FACTORY_PRECO_PASSWORD, type NodeEndpoint, type NodeLaunch } from '../../../hsm-sim/fleet/node-launch.types';
import { createHardwareCa, createHsmIdentity, type CertificateAuthority } from '../../../hsm-sim/node/certificates';

/** aws-behaviour 6.6: the PRECO's initial password as the 2017-2019 docs give it. */
export const INITIAL_PRECO_PASSWORD = FACTORY_PRECO_PASSWORD;
export const HSM_PORTS = { crypto: 2223, sync: 2224, management: 2225 } as const;

export interface LocalClusterMember {
  readonly hsmId: string;
  readonly eniIp: string;
  readonly host: string;
  readonly directory: string;
}

interface LocalClusterFile {
  readonly clusterId: string;
  readonly syncKeyHex: string;
  readonly hardwareCa: CertificateAuthority;
  readonly members: LocalClusterMember[];
}

export interface LocalClusterOptions {
  readonly directory: string;
  readonly nodeEntry: string;
  readonly engine: 'softhsm' | 'in-memory';
  readonly softHsmLibrary?: string;
}

export class LocalCluster {
  readonly fleet: NodeFleet;

  private constructor(
    private readonly options: LocalClusterOptions,
    private readonly description: LocalClusterFile,
  ) {
    this.fleet = new NodeFleet({ entry: options.nodeEntry });
  }

  /** Opens the cluster described in the folder, or creates one with `size` HSMs, one per subnet. */
  static async start(options: LocalClusterOptions, size: number): Promise<LocalCluster> {
    mkdirSync(options.directory, { recursive: true, mode: 0o700 });
    const file = join(options.directory, 'cluster.json');
    const existing = existsSync(file);
    const description: LocalClusterFile = existing
      ? (JSON.parse(readFileSync(file, 'utf8')) as LocalClusterFile)
      : { clusterId: `cluster-${randomBytes(6).toString('hex').slice(0, 11)}`, syncKeyHex: randomBytes(32).toString('hex'), hardwareCa: createHardwareCa(), members: [] };
    const cluster = new LocalCluster(options, description);
    writeFileSync(join(options.directory, 'hardware-ca.crt'), description.hardwareCa.certPem);
    if (existing) {
      await cluster.fleet.startAll(description.members.map((member) => member.directory));
      cluster.announcePeers();
    }
    while (cluster.description.members.length < size) await cluster.addHsm();
    writeFileSync(file, JSON.stringify(description, null, 2), { mode: 0o600 });
    return cluster;
  }

  get clusterId(): string {
    return this.description.clusterId;
  }

  get members(): readonly LocalClusterMember[] {
    return this.description.members;
  }

  get caFile(): string {
    return join(this.options.directory, 'hardware-ca.crt');
  }

  async stop(): Promise<void> {
    await this.fleet.stopAll();
  }

  private async addHsm(): Promise<void> {
    const { members } = this.description;
    const index = members.length;
    const hsmId = `hsm-${randomBytes(6).toString('hex').slice(0, 11)}`;
    // One HSM per subnet (availability zone): 10.0.0.x, 10.0.1.x, 10.0.2.x, ...
    const eniIp = `10.0.${index}.${10 + Math.floor(index / 256)}`;
    const member: LocalClusterMember = { hsmId, eniIp, host: loopbackAddressFor(eniIp), directory: join(this.options.directory, hsmId) };
    const first = members[0];
    const launch: NodeLaunch = {
      hsmId,
      clusterId: this.description.clusterId,
      serialNumber: randomBytes(4).readUInt32BE(0).toString(),
      slot: index,
      directory: member.directory,
      host: member.host,
      ports: HSM_PORTS,
      clusterSyncKeyHex: this.description.syncKeyHex,
      firstHsm: index === 0,
      // No password in the launch file: the first HSM's PRECO starts with the factory password (INITIAL_PRECO_PASSWORD).
      tls: createHsmIdentity(this.description.hardwareCa, { hsmId, ip: member.host }),
      trustedCaPems: [this.description.hardwareCa.certPem],
      ...(first ? { cloneFrom: endpoint(first) } : {}),
      peers: members.map(endpoint),
      engine: this.options.engine,
      ...(this.options.softHsmLibrary ? { softHsmLibrary: this.options.softHsmLibrary } : {}),
    };
    await this.fleet.launch(launch);
    members.push(member);
    this.announcePeers();
  }

  private announcePeers(): void {
    const peers = this.description.members.map(endpoint);
    for (const member of this.description.members) this.fleet.updatePeers(member.hsmId, peers);
  }
}

function endpoint(member: LocalClusterMember): NodeEndpoint {
  return { hsmId: member.hsmId, host: member.host, syncPort: HSM_PORTS.sync };
}
