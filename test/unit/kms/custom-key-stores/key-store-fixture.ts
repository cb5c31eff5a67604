// Custom key stores on fakes: the real services over an in-memory SQLite database and the real EC2 view,
// a cluster directory the test fills in, a key counter the test sets, a scheduler at time scale 0 and a
// logger whose lines the test can read.

import 'reflect-metadata';
import { expect } from 'chai';
import { container as root } from 'tsyringe';
import { Ec2CloudHsmNetwork } from '../../../../src/adapters/network/ec2-cloudhsm-network';
import { IN_MEMORY, SqliteDatabase } from '../../../../src/adapters/sqlite/sqlite-database';
import { ClusterState } from '../../../../src/cloudhsm/domain/cluster.states';
import { HsmState } from '../../../../src/cloudhsm/domain/hsm.states';
import { Ec2Tokens } from '../../../../src/ec2/ec2.tokens';
import { NetworkBootstrap } from '../../../../src/ec2/network-bootstrap.service';
import { NetworkInterfaceService } from '../../../../src/ec2/network-interfaces.service';
import { SecurityGroupService } from '../../../../src/ec2/security-groups.service';
import { SubnetService } from '../../../../src/ec2/subnets.service';
import { CustomKeyStoreConnectionService } from '../../../../src/kms/custom-key-stores/custom-key-store-connection.service';
import { CustomKeyStoreQueryService } from '../../../../src/kms/custom-key-stores/custom-key-store-query.service';
import { DEFAULT_HSM_CLIENT_TIMEOUTS } from '../../../../src/kms/custom-key-stores/custom-key-store.durations';
import { CustomKeyStoreService } from '../../../../src/kms/custom-key-stores/custom-key-store.service';
import { CustomKeyStoreTokens } from '../../../../src/kms/custom-key-stores/custom-key-store.tokens';
import { KEY_STORE_REQUESTS_PER_SECOND } from '../../../../src/kms/custom-key-stores/store-request-rate';
import type { AccountRegion } from '../../../../src/kms/custom-key-stores/domain/custom-key-store';
import { Ec2KeyStoreNetwork } from '../../../../src/kms/custom-key-stores/ec2-key-store-network';
import type { ClusterDirectory, ClusterFacts, ClusterHsm } from '../../../../src/kms/custom-key-stores/ports/cluster-directory.port';
import { KeyStorePasswordSealer } from '../../../../src/kms/custom-key-stores/key-store-password.sealer';
import { SqliteCustomKeyStoreRepository } from '../../../../src/kms/custom-key-stores/sqlite-custom-key-store.repository';
import { withOverrides } from '../../../../src/main/container';
import type { AwsException } from '../../../../src/shared/aws-exception';
import { IdGenerator, seededRandom } from '../../../../src/shared/ids';
import { Tokens } from '../../../../src/shared/injection-tokens';
import { JsonLinesLogger } from '../../../../src/shared/logger';
import { ScaledScheduler } from '../../../../src/shared/scheduler';
import { signCsrAsCustomer } from '../../../../hsm-sim/node/certificates';
import { ManualClock } from '../../../support/manual-clock';
import { customerCa, opensslSignedCluster } from '../../../support/pki-fixtures';

export const SCOPE: AccountRegion = { accountId: '111122223333', region: 'us-east-1' };
export const PASSWORD = 'kmsPswd';

/** A cluster certificate of a backup history of its own: the same CSR signed again gets a new serial. */
export function newClusterCertificate(): string {
  return signCsrAsCustomer(opensslSignedCluster.csrPem, customerCa);
}

export class FakeClusterDirectory implements ClusterDirectory {
  readonly clusters = new Map<string, { scope: AccountRegion; facts: ClusterFacts }>();

  cluster(accountId: string, region: string, clusterId: string): ClusterFacts | undefined {
    const entry = this.clusters.get(clusterId);
    return entry && entry.scope.accountId === accountId && entry.scope.region === region ? entry.facts : undefined;
  }
}

export interface KeyStoreWorld {
  readonly database: SqliteDatabase;
  readonly repository: SqliteCustomKeyStoreRepository;
  readonly directory: FakeClusterDirectory;
  readonly securityGroups: SecurityGroupService;
  readonly subnets: SubnetService;
  readonly interfaces: NetworkInterfaceService;
  readonly keyCounts: Map<string, number>;
  readonly scheduler: ScaledScheduler;
  readonly clock: ManualClock;
  readonly logLines: string[];
  readonly stores: CustomKeyStoreService;
  readonly queries: CustomKeyStoreQueryService;
  readonly connections: CustomKeyStoreConnectionService;
  /** An ACTIVE cluster in the default VPC with its security group, subnets in zones a and b (c too when asked), ACTIVE HSMs in a and b. */
  addCluster(changes?: Partial<ClusterFacts>, scope?: AccountRegion): ClusterFacts;
  /** CreateCustomKeyStore for a cluster of this world, with the customer CA and the seed password; returns the id. */
  createStore(name: string, cluster: ClusterFacts): string;
  close(): void;
}

export function openKeyStoreWorld(): KeyStoreWorld {
  const database = new SqliteDatabase(IN_MEMORY);
  const directory = new FakeClusterDirectory();
  const keyCounts = new Map<string, number>();
  const logLines: string[] = [];
  const clock = new ManualClock();
  const scheduler = new ScaledScheduler(0, (error) => {
    throw error;
  });
  const repository = new SqliteCustomKeyStoreRepository(database, new KeyStorePasswordSealer(Buffer.alloc(32, 7)));
  const container = withOverrides(root.createChildContainer(), [
    { token: Ec2Tokens.Database, useValue: database },
    { token: Ec2Tokens.IdGenerator, useValue: new IdGenerator(seededRandom(3)) },
    { token: CustomKeyStoreTokens.Repository, useValue: repository },
    { token: CustomKeyStoreTokens.ClusterDirectory, useValue: directory },
    { token: CustomKeyStoreTokens.KeyCounter, useValue: (customKeyStoreId: string) => keyCounts.get(customKeyStoreId) ?? 0 },
    { token: CustomKeyStoreTokens.KnownKeyArns, useValue: () => new Set<string>() },
    { token: CustomKeyStoreTokens.Scheduler, useValue: scheduler },
    { token: CustomKeyStoreTokens.IdGenerator, useValue: new IdGenerator(seededRandom(11)) },
    { token: CustomKeyStoreTokens.HsmClientTimeouts, useValue: DEFAULT_HSM_CLIENT_TIMEOUTS },
    { token: CustomKeyStoreTokens.RequestRateLimit, useValue: KEY_STORE_REQUESTS_PER_SECOND },
    { token: Tokens.Clock, useValue: clock },
    { token: Tokens.Logger, useValue: new JsonLinesLogger('debug', (line) => logLines.push(line)) },
  ]);
  const scoped = withOverrides(container, [{ token: CustomKeyStoreTokens.Network, useValue: container.resolve(Ec2KeyStoreNetwork) }]);
  const subnets = container.resolve(SubnetService);
  const securityGroups = container.resolve(SecurityGroupService);
  const interfaces = container.resolve(NetworkInterfaceService);
  const cloudHsmNetwork = new Ec2CloudHsmNetwork(subnets, securityGroups, interfaces);
  let clusters = 0;

  function addCluster(changes: Partial<ClusterFacts> = {}, scope: AccountRegion = SCOPE): ClusterFacts {
    clusters += 1;
    const clusterId = `cluster-kmsfixture${'abcdefghijklmnopqrstuvwxyz'[clusters]}`;
    const vpcId = container.resolve(NetworkBootstrap).ensureDefaultNetwork(scope.accountId, scope.region).id;
    const zones = subnets.listSubnets(scope.accountId, scope.region).slice(0, 2);
    const hsm = (index: number): ClusterHsm => ({
      hsmId: `hsm-${clusterId.slice(-4)}${index}`,
      availabilityZone: zones[index]!.availabilityZone,
      subnetId: zones[index]!.id,
      state: HsmState.ACTIVE,
      endpoint: { host: '127.0.0.1', crypto: 1 },
    });
    const facts: ClusterFacts = {
      clusterId,
      state: ClusterState.ACTIVE,
      vpcId,
      securityGroup: cloudHsmNetwork.createClusterSecurityGroup(scope.accountId, scope.region, vpcId, clusterId),
      subnetMapping: Object.fromEntries(zones.map((zone) => [zone.availabilityZone, zone.id])),
      trustAnchor: customerCa.certPem,
      clusterCertificate: newClusterCertificate(),
      hsms: [hsm(0), hsm(1)],
      ...changes,
    };
    directory.clusters.set(clusterId, { scope, facts });
    return facts;
  }

  const stores = scoped.resolve(CustomKeyStoreService);
  return {
    database,
    repository,
    directory,
    securityGroups,
    subnets,
    interfaces,
    keyCounts,
    scheduler,
    clock,
    logLines,
    stores,
    queries: scoped.resolve(CustomKeyStoreQueryService),
    connections: scoped.resolve(CustomKeyStoreConnectionService),
    addCluster,
    createStore: (name, cluster) =>
      stores.createCustomKeyStore(SCOPE, { CustomKeyStoreName: name, CloudHsmClusterId: cluster.clusterId, TrustAnchorCertificate: customerCa.certPem, KeyStorePassword: PASSWORD })
        .CustomKeyStoreId,
    close: () => database.close(),
  };
}

/** Runs `action`, expecting the AWS exception `name`; returns it for checks on its message. */
export function expectKmsError(action: () => unknown, name: string): AwsException {
  try {
    action();
  } catch (error) {
    expect(error, String(error)).to.have.property('name', name);
    return error as AwsException;
  }
  expect.fail(`expected ${name}, but the call succeeded`);
}
