// A real cluster for integration tests: HSM node processes on SoftHSM2, each with TLS listeners on its
// own loopback address (ports chosen by the system), managed by a NodeFleet. The first HSM carries the
// PRECO; later HSMs are cloned from the first, as CreateHsm does.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { NodeFleet } from '../../hsm-sim/fleet/node-fleet';
import type { NodeEndpoint, NodeLaunch } from '../../hsm-sim/fleet/node-launch.types';
import {
  createClusterCsr,
  createHardwareCa,
  createHsmIdentity,
  issueInitializedHsmIdentity,
  signCsrAsCustomer,
  tlsClientOptions,
  type CertificateAuthority,
} from '../../hsm-sim/node/certificates';
import { RpcClient } from '../../hsm-sim/protocol';
import { createTempDir, removeTempDir } from './temp-dir';

export const PRECO_PASSWORD = 'password';
export const ADMIN_PASSWORD = 'Admin-pass1';

export interface Credentials {
  readonly role: 'PRECO' | 'CO' | 'CU';
  readonly username: string;
  readonly password: string;
}

export const ADMIN: Credentials = { role: 'CO', username: 'admin', password: ADMIN_PASSWORD };
const NODE_ENTRY = join(__dirname, '..', '..', 'hsm-sim', 'node-process', 'node-main.js');

export interface ClusterMember {
  readonly hsmId: string;
  readonly host: string;
  readonly directory: string;
  crypto: number;
  sync: number;
  management: number;
}

export class NodeCluster {
  fleet = new NodeFleet({ entry: NODE_ENTRY, startTimeoutMs: 30_000 });
  readonly members: ClusterMember[] = [];
  readonly hardwareCa: CertificateAuthority = createHardwareCa();
  readonly clusterId = `cluster-${randomBytes(5).toString('hex').slice(0, 11)}`;
  private readonly clients: RpcClient[] = [];
  private readonly syncKeyHex = randomBytes(32).toString('hex');
  private readonly subnet = 16 + Math.floor(Math.random() * 200);

  private constructor(
    readonly directory: string,
    private readonly launchOptions: Pick<NodeLaunch, 'faultLayer'> = {},
  ) {}

  /** `options.faultLayer: false` starts the HSMs without fault seams. */
  static async start(size: number, options: Pick<NodeLaunch, 'faultLayer'> = {}): Promise<NodeCluster> {
    const cluster = new NodeCluster(createTempDir('cluster'), options);
    for (let index = 0; index < size; index += 1) await cluster.addHsm();
    return cluster;
  }

  /** Starts one more HSM; after the first, each new one is cloned from the first. */
  async addHsm(): Promise<ClusterMember> {
    const index = this.members.length;
    const hsmId = `hsm-${randomBytes(6).toString('hex').slice(0, 11)}`;
    const host = `127.0.${this.subnet}.${index + 10}`;
    const directory = join(this.directory, hsmId);
    const first = this.members[0];
    const launch: NodeLaunch = {
      hsmId,
      clusterId: this.clusterId,
      serialNumber: randomBytes(4).readUInt32BE(0).toString(),
      slot: index,
      directory,
      host,
      ports: { crypto: 0, sync: 0, management: 0 },
      clusterSyncKeyHex: this.syncKeyHex,
      firstHsm: index === 0,
      ...(index === 0 ? { preCoPassword: PRECO_PASSWORD } : {}),
      tls: createHsmIdentity(this.hardwareCa, { hsmId, ip: host }),
      trustedCaPems: [this.hardwareCa.certPem],
      ...(first ? { cloneFrom: endpoint(first) } : {}),
      peers: this.members.map(endpoint),
      engine: 'softhsm',
      ...this.launchOptions,
    };
    const info = await this.fleet.launch(launch);
    const member: ClusterMember = { hsmId, host, directory, ...info.ports! };
    this.members.push(member);
    this.announcePeers();
    return member;
  }

  /** Starts a stopped or killed HSM again; its ports change, so every peer is told. */
  async restart(member: ClusterMember): Promise<void> {
    const info = await this.fleet.start(member.directory);
    Object.assign(member, info.ports);
    this.announcePeers();
  }

  /** Activation as cmu runs it on every HSM it reaches: loginHSM PRECO admin, changePswd PRECO admin. */
  async activate(trustAnchorPem = this.hardwareCa.certPem): Promise<void> {
    for (const member of this.members) {
      const management = await this.loggedIn(member, 'management', { role: 'PRECO', username: 'admin', password: PRECO_PASSWORD }, trustAnchorPem);
      await management.call('changePassword', { role: 'PRECO', username: 'admin', password: ADMIN_PASSWORD });
    }
  }

  /** createUser as the CO on the given HSMs (all by default), as cmu does on the HSMs it reaches. */
  async createUser(user: Credentials, members = this.members, trustAnchorPem = this.hardwareCa.certPem): Promise<void> {
    for (const member of members) {
      const management = await this.loggedIn(member, 'management', ADMIN, trustAnchorPem);
      await management.call('createUser', user);
    }
  }

  async loggedIn(member: ClusterMember, port: 'management' | 'crypto', user: Credentials, trustAnchorPem = this.hardwareCa.certPem): Promise<RpcClient> {
    const client = await this.connect(member, port, trustAnchorPem);
    await client.call('login', user);
    return client;
  }

  /**
   * InitializeCluster as the HSMs see it: the customer signs the cluster CSR with its CA, and from then
   * on every HSM presents a chain up to that trust anchor. Returns the anchor.
   */
  initialize(customerCa: CertificateAuthority): string {
    const csr = createClusterCsr(this.clusterId);
    const signedCertPem = signCsrAsCustomer(csr.csrPem, customerCa);
    const trusted = [this.hardwareCa.certPem, customerCa.certPem];
    for (const member of this.members) {
      const identity = issueInitializedHsmIdentity({ keyPem: csr.keyPem, certPem: signedCertPem }, { hsmId: member.hsmId, ip: member.host });
      this.fleet.updateIdentity(member.hsmId, identity, trusted);
    }
    return customerCa.certPem;
  }

  /** As after a simulator crash: the fleet is gone, and a new one starts every HSM from its folder. */
  async replaceFleet(): Promise<void> {
    await Promise.all(this.members.map((member) => this.fleet.kill(member.hsmId)));
    this.fleet = new NodeFleet({ entry: NODE_ENTRY, startTimeoutMs: 30_000 });
    const started = await this.fleet.startAll(this.members.map((member) => member.directory));
    started.forEach((info, index) => Object.assign(this.members[index]!, info.ports));
    this.announcePeers();
  }

  /** A client on one HSM's management (2225) or crypto (2223) port, closed by stop(). */
  async connect(member: ClusterMember, port: 'management' | 'crypto', trustAnchorPem = this.hardwareCa.certPem, requestTimeoutMs?: number): Promise<RpcClient> {
    const client = await RpcClient.connect({
      host: member.host,
      port: member[port],
      tls: tlsClientOptions(trustAnchorPem),
      ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    });
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close().catch(() => undefined)));
    await this.fleet.stopAll();
    removeTempDir(this.directory);
  }

  private announcePeers(): void {
    const peers = this.members.map(endpoint);
    for (const member of this.members) {
      if (this.fleet.info(member.hsmId).state === 'running') this.fleet.updatePeers(member.hsmId, peers);
    }
  }
}

function endpoint(member: ClusterMember): NodeEndpoint {
  return { hsmId: member.hsmId, host: member.host, syncPort: member.sync };
}
