// Custom key stores against real HSM node processes: a NodeCluster (SoftHSM, TLS with the customer's trust
// anchor, kmsuser created by the CO) behind the control plane's records - clusters and HSMs in a SQLite
// cluster repository, subnets, security groups and ENIs in the real EC2 view - and the custom key store
// services built on them, at time scale 0.

import 'reflect-metadata';
import { container as root, type DependencyContainer } from 'tsyringe';
import { Ec2CloudHsmNetwork } from '../../../src/adapters/network/ec2-cloudhsm-network';
import { SqliteClusterRepository } from '../../../src/adapters/sqlite/sqlite-cluster.repository';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';
import type { ClusterRecord, HsmRecord } from '../../../src/cloudhsm/domain/cluster';
import { ClusterState } from '../../../src/cloudhsm/domain/cluster.states';
import { HsmState } from '../../../src/cloudhsm/domain/hsm.states';
import type { HsmAddress } from '../../../src/cloudhsm/ports/hsm-appliance.port';
import { Ec2Tokens } from '../../../src/ec2/ec2.tokens';
import { NetworkBootstrap } from '../../../src/ec2/network-bootstrap.service';
import { NetworkInterfaceService } from '../../../src/ec2/network-interfaces.service';
import { SecurityGroupService } from '../../../src/ec2/security-groups.service';
import { SubnetService } from '../../../src/ec2/subnets.service';
import { CloudHsmClusterDirectory } from '../../../src/kms/custom-key-stores/cloudhsm-cluster-directory';
import { ClusterPrerequisites } from '../../../src/kms/custom-key-stores/cluster-prerequisites';
import { CustomKeyStoreConnectionService } from '../../../src/kms/custom-key-stores/custom-key-store-connection.service';
import { CustomKeyStoreCrypto } from '../../../src/kms/custom-key-stores/custom-key-store-crypto';
import { CustomKeyStoreQueryService } from '../../../src/kms/custom-key-stores/custom-key-store-query.service';
import type { HsmClientTimeouts } from '../../../src/kms/custom-key-stores/custom-key-store.durations';
import { CustomKeyStoreService } from '../../../src/kms/custom-key-stores/custom-key-store.service';
import { CustomKeyStoreTokens } from '../../../src/kms/custom-key-stores/custom-key-store.tokens';
import { KEY_STORE_REQUESTS_PER_SECOND } from '../../../src/kms/custom-key-stores/store-request-rate';
import type { AccountRegion } from '../../../src/kms/custom-key-stores/domain/custom-key-store';
import type { CustomKeyStoresListEntry } from '../../../src/kms/custom-key-stores/domain/custom-key-store.view';
import { Ec2KeyStoreNetwork } from '../../../src/kms/custom-key-stores/ec2-key-store-network';
import { KeyStoreConnector } from '../../../src/kms/custom-key-stores/key-store-connector';
import { KeyStoreInterfaces } from '../../../src/kms/custom-key-stores/key-store-interfaces';
import { KeyStoreSessions } from '../../../src/kms/custom-key-stores/key-store-sessions';
import { KeyStorePasswordSealer } from '../../../src/kms/custom-key-stores/key-store-password.sealer';
import { SqliteCustomKeyStoreRepository } from '../../../src/kms/custom-key-stores/sqlite-custom-key-store.repository';
import { withOverrides } from '../../../src/main/container';
import { IdGenerator } from '../../../src/shared/ids';
import { Tokens } from '../../../src/shared/injection-tokens';
import { JsonLinesLogger } from '../../../src/shared/logger';
import { ScaledScheduler } from '../../../src/shared/scheduler';
import { NodeError, type UserView } from '../../../hsm-sim/node/node.types';
import type { RpcClient } from '../../../hsm-sim/protocol';
import { ADMIN, NodeCluster, type ClusterMember, type Credentials } from '../../support/node-cluster';
import { customerCa, opensslSignedCluster } from '../../support/pki-fixtures';
import { ManualClock } from '../../support/manual-clock';

export const SCOPE: AccountRegion = { accountId: '111122223333', region: 'us-east-1' };
export const KMSUSER_PASSWORD = 'kmsPswd';
export const kmsuser = (password = KMSUSER_PASSWORD): Credentials => ({ role: 'CU', username: 'kmsuser', password });
/** The cluster of the seed procedure; its HSMs are the NodeCluster's two members. */
const MAIN_CLUSTER_ID = 'cluster-kmsworldmain';
// Short enough for a hung HSM to fail a test quickly, long enough for SoftHSM and scrypt.
const TIMEOUTS: HsmClientTimeouts = { connectTimeoutMs: 1_000, requestTimeoutMs: 5_000 };

/** The services of one simulator run over the world's databases; a restart builds them again. */
export interface KeyStoreServices {
  readonly stores: CustomKeyStoreService;
  readonly queries: CustomKeyStoreQueryService;
  readonly connections: CustomKeyStoreConnectionService;
  readonly crypto: CustomKeyStoreCrypto;
  readonly sessions: KeyStoreSessions;
  readonly scheduler: ScaledScheduler;
}

export interface ClusterLayout {
  /** Availability Zone -> subnet; the default subnets of zones a and b when absent. */
  readonly subnets?: Record<string, string>;
  /** Which NodeCluster members are the cluster's HSMs, each in the zone of the same index. */
  readonly members?: readonly number[];
  readonly clusterCertificate?: string;
}

export class KeyStoreWorld {
  readonly logLines: string[] = [];
  services: KeyStoreServices;
  private readonly hsmMembers = new Map<string, ClusterMember>();
  private hsmCount = 0;
  private clusterCount = 0;

  private constructor(
    readonly nodes: NodeCluster,
    readonly database: SqliteDatabase,
    readonly clusters: SqliteClusterRepository,
    readonly storeRepository: SqliteCustomKeyStoreRepository,
    readonly subnets: SubnetService,
    readonly securityGroups: SecurityGroupService,
    readonly interfaces: NetworkInterfaceService,
    private readonly vpcId: string,
    readonly clusterId: string,
  ) {
    this.services = this.buildServices();
  }

  static async start(): Promise<KeyStoreWorld> {
    const nodes = await NodeCluster.start(2);
    const anchor = nodes.initialize(customerCa);
    await nodes.activate(anchor);
    await nodes.createUser(kmsuser(), nodes.members, anchor);
    const database = new SqliteDatabase(IN_MEMORY);
    const ec2 = withOverrides(root.createChildContainer(), [
      { token: Ec2Tokens.Database, useValue: database },
      { token: Ec2Tokens.IdGenerator, useValue: new IdGenerator() },
    ]);
    const vpcId = ec2.resolve(NetworkBootstrap).ensureDefaultNetwork(SCOPE.accountId, SCOPE.region).id;
    const world = new KeyStoreWorld(
      nodes,
      database,
      new SqliteClusterRepository(database),
      new SqliteCustomKeyStoreRepository(database, new KeyStorePasswordSealer(Buffer.alloc(32, 7))),
      ec2.resolve(SubnetService),
      ec2.resolve(SecurityGroupService),
      ec2.resolve(NetworkInterfaceService),
      vpcId,
      MAIN_CLUSTER_ID,
    );
    world.addCluster({}, MAIN_CLUSTER_ID);
    return world;
  }

  /** A cluster record whose HSMs are NodeCluster members: the world's own, or another one for a test (same nodes, new records). */
  addCluster(layout: ClusterLayout = {}, clusterId = `cluster-kmstestcluster${'abcdefghijklmnopqrstuvwxyz'[this.clusterCount++]}`): string {
    const defaults = this.subnets.listSubnets(SCOPE.accountId, SCOPE.region).slice(0, 2);
    const subnetMapping = layout.subnets ?? Object.fromEntries(defaults.map((subnet) => [subnet.availabilityZone, subnet.id]));
    const network = new Ec2CloudHsmNetwork(this.subnets, this.securityGroups, this.interfaces);
    const securityGroup = network.createClusterSecurityGroup(SCOPE.accountId, SCOPE.region, this.vpcId, clusterId);
    const cluster: ClusterRecord = {
      ...SCOPE,
      clusterId,
      state: ClusterState.ACTIVE,
      hsmType: 'hsm1.medium',
      mode: 'FIPS',
      networkType: 'IPV4',
      vpcId: this.vpcId,
      subnetMapping,
      securityGroup,
      backupRetentionPolicy: { Type: 'DAYS', Value: '90' },
      createTimestamp: new Date(),
      tags: [],
      certificates: { ClusterCertificate: layout.clusterCertificate ?? opensslSignedCluster.certPem },
      trustAnchor: customerCa.certPem,
      activated: true,
      internal: { syncKeyHex: '' },
    };
    this.clusters.saveCluster(cluster);
    const zones = Object.entries(subnetMapping);
    (layout.members ?? [0, 1]).forEach((memberIndex, index) => {
      const member = this.nodes.members[memberIndex]!;
      const [availabilityZone, subnetId] = zones[index % zones.length]!;
      const hsmId = `hsm-kmstest${++this.hsmCount}`;
      const eni = network.allocateNetworkInterface({ ...SCOPE, subnetId, securityGroupId: securityGroup, description: `CloudHSM Managed Interface for ${hsmId}` });
      const hsm: HsmRecord = {
        ...SCOPE,
        clusterId,
        hsmId,
        availabilityZone,
        subnetId,
        eniId: eni.eniId,
        eniIp: eni.ipAddress,
        hsmType: 'hsm1.medium',
        state: HsmState.ACTIVE,
        stateMessage: 'HSM created.',
        slot: index,
        createTimestamp: new Date(),
      };
      this.clusters.saveHsm(hsm);
      this.hsmMembers.set(hsmId, member);
    });
    return clusterId;
  }

  /** As DeleteHsm for every HSM, then DeleteCluster, leave it. */
  deleteCluster(clusterId: string): void {
    this.removeHsms(clusterId);
    this.clusters.saveCluster({ ...this.clusters.getCluster(clusterId)!, state: ClusterState.DELETED });
  }

  removeHsms(clusterId: string): void {
    for (const hsm of this.clusters.hsmsOf(clusterId)) {
      this.interfaces.releaseNetworkInterface(SCOPE.accountId, SCOPE.region, hsm.eniId);
      this.clusters.deleteHsm(hsm.hsmId);
    }
  }

  /** A simulator restart: its connections to the HSMs close, and new services start over the same databases. */
  async restartServices(): Promise<KeyStoreServices> {
    for (const store of this.storeRepository.all()) await this.services.sessions.closeAll(store.customKeyStoreId);
    this.services = this.buildServices();
    return this.services;
  }

  createStore(clusterId = this.clusterId, name = 'ExampleKeyStore'): string {
    return this.services.stores.createCustomKeyStore(SCOPE, {
      CustomKeyStoreName: name,
      CloudHsmClusterId: clusterId,
      TrustAnchorCertificate: customerCa.certPem,
      KeyStorePassword: KMSUSER_PASSWORD,
    }).CustomKeyStoreId;
  }

  /** ConnectCustomKeyStore, then the connection to its end; the store as DescribeCustomKeyStores shows it. */
  async connect(customKeyStoreId: string): Promise<CustomKeyStoresListEntry> {
    this.services.connections.connectCustomKeyStore(SCOPE, { CustomKeyStoreId: customKeyStoreId });
    await this.services.scheduler.idle();
    return this.describe(customKeyStoreId);
  }

  async disconnect(customKeyStoreId: string): Promise<CustomKeyStoresListEntry> {
    this.services.connections.disconnectCustomKeyStore(SCOPE, { CustomKeyStoreId: customKeyStoreId });
    await this.services.scheduler.idle();
    return this.describe(customKeyStoreId);
  }

  describe(customKeyStoreId: string): CustomKeyStoresListEntry {
    return this.services.queries.describeCustomKeyStores(SCOPE, { CustomKeyStoreId: customKeyStoreId }).CustomKeyStores[0]!;
  }

  /** A CO session on one HSM's management port (as cmu). */
  admin(member: ClusterMember): Promise<RpcClient> {
    return this.nodes.loggedIn(member, 'management', ADMIN, customerCa.certPem);
  }

  /** Whether `password` logs kmsuser in on the member's crypto port: true, or the node's error code. */
  async kmsuserLogsIn(member: ClusterMember, password: string): Promise<true | string> {
    const client = await this.nodes.connect(member, 'crypto', customerCa.certPem);
    try {
      await client.call('login', kmsuser(password));
      return true;
    } catch (error) {
      return error instanceof NodeError ? error.code : String(error);
    } finally {
      await client.close();
    }
  }

  /**
   * Every store disconnected and deleted, kmsuser back on every HSM with the seed password, unlocked and
   * without 2FA: what each test starts from.
   */
  async reset(): Promise<void> {
    for (const store of this.storeRepository.list(SCOPE.accountId, SCOPE.region)) {
      if (store.connectionState !== 'DISCONNECTED') await this.disconnect(store.customKeyStoreId);
      this.services.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: store.customKeyStoreId });
    }
    for (const member of this.nodes.members) {
      const admin = await this.admin(member);
      const users = await admin.call<UserView[]>('listUsers');
      if (users.some((user) => user.username === 'kmsuser')) await admin.call('changePassword', kmsuser());
      else await admin.call('createUser', kmsuser());
      await admin.close();
    }
  }

  async stop(): Promise<void> {
    await this.nodes.stop();
    this.database.close();
  }

  private hsmAddresses(clusterId: string): { hsm: HsmRecord; address?: HsmAddress }[] | undefined {
    if (!this.clusters.getCluster(clusterId)) return undefined;
    return this.clusters.hsmsOf(clusterId).map((hsm) => {
      const member = this.hsmMembers.get(hsm.hsmId)!;
      return { hsm, address: { host: member.host, crypto: member.crypto, sync: member.sync, management: member.management } };
    });
  }

  /** The world's ports under their tokens, as src/main registers them, for the handler map of the endpoint. */
  portsContainer(): DependencyContainer {
    return withOverrides(root.createChildContainer(), [
      { token: CustomKeyStoreTokens.Repository, useValue: this.storeRepository },
      { token: CustomKeyStoreTokens.ClusterDirectory, useValue: this.directory() },
      { token: CustomKeyStoreTokens.Network, useValue: this.network() },
      { token: CustomKeyStoreTokens.KeyCounter, useValue: () => 0 },
      { token: CustomKeyStoreTokens.KnownKeyArns, useValue: () => new Set<string>() },
      { token: CustomKeyStoreTokens.Scheduler, useValue: this.services.scheduler },
      { token: CustomKeyStoreTokens.IdGenerator, useValue: new IdGenerator() },
      { token: CustomKeyStoreTokens.HsmClientTimeouts, useValue: TIMEOUTS },
      { token: CustomKeyStoreTokens.RequestRateLimit, useValue: KEY_STORE_REQUESTS_PER_SECOND },
      { token: Tokens.Clock, useValue: new ManualClock() },
      { token: Tokens.Logger, useValue: new JsonLinesLogger('debug', (line) => this.logLines.push(line)) },
    ]);
  }

  private directory(): CloudHsmClusterDirectory {
    return new CloudHsmClusterDirectory(this.clusters, { hsmAddresses: (clusterId) => this.hsmAddresses(clusterId) });
  }

  private network(): Ec2KeyStoreNetwork {
    return new Ec2KeyStoreNetwork(this.subnets, this.securityGroups, this.interfaces);
  }

  private buildServices(): KeyStoreServices {
    const repository = this.storeRepository;
    const directory = this.directory();
    const network = this.network();
    const prerequisites = new ClusterPrerequisites(network);
    const interfaces = new KeyStoreInterfaces(repository, network);
    const sessions = new KeyStoreSessions(repository, directory, TIMEOUTS);
    const scheduler = new ScaledScheduler(0, (error) => this.logLines.push(`scheduled task failed: ${String(error)}`));
    const logger = new JsonLinesLogger('debug', (line) => this.logLines.push(line));
    return {
      stores: new CustomKeyStoreService(repository, directory, () => 0, new IdGenerator(), new ManualClock(), prerequisites),
      queries: new CustomKeyStoreQueryService(repository),
      connections: new CustomKeyStoreConnectionService(repository, directory, scheduler, logger, prerequisites, new KeyStoreConnector(directory, network, TIMEOUTS, interfaces), interfaces, sessions),
      crypto: new CustomKeyStoreCrypto(repository, directory, prerequisites, sessions, new ManualClock(), KEY_STORE_REQUESTS_PER_SECOND),
      sessions,
      scheduler,
    };
  }
}
