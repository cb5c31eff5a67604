// The console's picture of one account and Region (the simulator's default account; the Region the page
// asks for, else the first that holds a cluster, else the simulator's default Region), built from the same services the AWS API answers
// from (never the database): the VPCs with their zones, subnets and HSMs, each HSM's process and its
// users and keys (asked of the HSM process itself), clusters with certificates and eligibility for a key
// store, backups with their lineage, custom key stores with their network and KMS keys, and the faults.

import { X509Certificate } from 'node:crypto';
import type { NodeInspection } from '../../hsm-sim/node/node-inspection';
import type { BackupService } from '../cloudhsm/backup.service';
import type { ClusterService } from '../cloudhsm/cluster.service';
import type { ClusterShape, HsmShape } from '../cloudhsm/domain/cloudhsm.shapes';
import type { HsmService } from '../cloudhsm/hsm.service';
import type { SecurityGroupRecord } from '../ec2/domain/security-group';
import type { NetworkInterfaceService } from '../ec2/network-interfaces.service';
import type { SecurityGroupService } from '../ec2/security-groups.service';
import type { SubnetService } from '../ec2/subnets.service';
import type { VpcService } from '../ec2/vpcs.service';
import type { FaultInjector } from '../faults/fault-injector.service';
import type { CustomKeyStoreQueryService } from '../kms/custom-key-stores/custom-key-store-query.service';
import type { CustomKeyStoresListEntry } from '../kms/custom-key-stores/domain/custom-key-store.view';
import type { KeyQueryService } from '../kms/keys/key-query.service';
import type {
  ConsoleBackup,
  ConsoleCertificate,
  ConsoleCluster,
  ConsoleEni,
  ConsoleFault,
  ConsoleHsm,
  ConsoleHsmKey,
  ConsoleKmsKey,
  ConsoleSnapshot,
  ConsoleStore,
  ConsoleVpc,
  ProcessStatus,
} from './console-snapshot.types';
import { notEligibleBecause } from './store-eligibility';

/** What the console needs of the HSM appliance (FleetAppliance). */
export interface ConsoleAppliance {
  processState(hsmId: string): string | undefined;
  inspect(hsmId: string): Promise<NodeInspection | undefined>;
}

export interface ConsoleSources {
  readonly accountId: string;
  /** The simulator's default Region (config.region): what unsigned requests use. */
  readonly region: string;
  readonly clusters: ClusterService;
  readonly hsms: HsmService;
  readonly backups: BackupService;
  readonly vpcs: VpcService;
  readonly subnets: SubnetService;
  readonly securityGroups: SecurityGroupService;
  readonly networkInterfaces: NetworkInterfaceService;
  readonly keyStores: CustomKeyStoreQueryService;
  readonly keys: KeyQueryService;
  readonly faults: FaultInjector;
  readonly clock: { now(): Date; offset(): number };
  readonly appliance: ConsoleAppliance;
}

type Scope = { readonly accountId: string; readonly region: string };

const PROCESS_STATUS: Readonly<Record<string, ProcessStatus>> = {
  running: 'up',
  hung: 'hung',
  dead: 'down',
  stopped: 'down',
  starting: 'starting',
  stopping: 'stopping',
};

export class ConsoleSnapshotBuilder {
  constructor(private readonly sources: ConsoleSources) {}

  private scope(region: string): Scope {
    return { accountId: this.sources.accountId, region };
  }

  /** The Regions that hold anything (clusters, HSMs, backups, stores, keys) and the default Region, sorted. */
  regions(): string[] {
    const { accountId, region } = this.sources;
    const { clusters, backups } = this.sources.clusters.regionsInUse(accountId);
    const all = new Set([region, ...clusters, ...backups, ...this.sources.keyStores.regionsInUse(accountId), ...this.sources.keys.regionsInUse(accountId)]);
    return [...all].sort();
  }

  /** The Regions where the account has clusters, the Region of its oldest cluster first. */
  clusterRegions(): string[] {
    return this.sources.clusters.regionsInUse(this.sources.accountId).clusters;
  }

  /** The Region a page that names none sees: the first that holds a cluster (its oldest), else the default Region. */
  defaultRegion(): string {
    return this.clusterRegions()[0] ?? this.sources.region;
  }

  /** The picture of `region`; without one, of defaultRegion(). */
  async build(region: string = this.defaultRegion()): Promise<ConsoleSnapshot> {
    const { sources } = this;
    const scope = this.scope(region);
    const faults = this.faultList();
    const stores = this.storeList(scope);
    const clusterShapes = this.clusterList(region);
    const clusters = await Promise.all(clusterShapes.map((cluster) => this.cluster(cluster, faults, stores)));
    return {
      accountId: scope.accountId,
      region,
      regions: this.regions(),
      defaultRegion: sources.region,
      clock: { now: sources.clock.now().toISOString(), offsetSeconds: Math.round(sources.clock.offset() / 1000) },
      vpcs: this.vpcs(scope, clusters, faults),
      clusters,
      backups: this.backupList(scope),
      stores: stores.map((store) => this.store(scope, store)),
      faults,
    };
  }

  /** Only what the fault injector's list shows (secret params are hidden there already). */
  faultList(): ConsoleFault[] {
    return this.sources.faults.list().map((fault) => ({
      faultId: fault.faultId,
      kind: fault.kind,
      target: Object.fromEntries(Object.entries(fault.target).map(([name, value]) => [name, String(value)])),
      since: fault.since,
      ...(fault.healsAt ? { healsAt: fault.healsAt } : {}),
      hsmIds: fault.hsmIds,
    }));
  }

  processStatus(hsmId: string): ProcessStatus {
    const state = this.sources.appliance.processState(hsmId);
    return state === undefined ? 'none' : (PROCESS_STATUS[state] ?? 'none');
  }

  clusterList(region: string): ClusterShape[] {
    const clusters: ClusterShape[] = [];
    let NextToken: string | undefined;
    do {
      const page = this.sources.clusters.describeClusters(this.scope(region), NextToken ? { NextToken } : {});
      clusters.push(...page.Clusters);
      NextToken = page.NextToken;
    } while (NextToken);
    return clusters.sort((a, b) => a.CreateTimestamp.getTime() - b.CreateTimestamp.getTime());
  }

  private storeList(scope: Scope): CustomKeyStoresListEntry[] {
    const stores: CustomKeyStoresListEntry[] = [];
    let Marker: string | undefined;
    do {
      const page = this.sources.keyStores.describeCustomKeyStores(scope, Marker ? { Marker } : {});
      stores.push(...page.CustomKeyStores);
      Marker = page.NextMarker;
    } while (Marker);
    return stores;
  }

  private backupList(scope: Scope): ConsoleBackup[] {
    const backups: ConsoleBackup[] = [];
    let NextToken: string | undefined;
    do {
      const page = this.sources.backups.describeBackups(scope, { SortAscending: true, ...(NextToken ? { NextToken } : {}) });
      for (const backup of page.Backups) {
        backups.push({
          backupId: backup.BackupId,
          clusterId: backup.ClusterId,
          state: backup.BackupState,
          created: backup.CreateTimestamp.toISOString(),
          neverExpires: backup.NeverExpires,
          ...(backup.SourceBackup ? { sourceBackup: backup.SourceBackup } : {}),
          ...(backup.SourceCluster ? { sourceCluster: backup.SourceCluster } : {}),
          ...(backup.SourceRegion ? { sourceRegion: backup.SourceRegion } : {}),
        });
      }
      NextToken = page.NextToken;
    } while (NextToken);
    return backups;
  }

  private async cluster(shape: ClusterShape, faults: readonly ConsoleFault[], stores: readonly CustomKeyStoresListEntry[]): Promise<ConsoleCluster> {
    const addresses = new Map((this.sources.hsms.hsmAddresses(shape.ClusterId) ?? []).map(({ hsm, address }) => [hsm.hsmId, address]));
    const inspections = await Promise.all(shape.Hsms.map((hsm) => this.inspect(hsm)));
    const holders = (handle: number): string[] =>
      shape.Hsms.filter((_, at) => inspections[at]?.keys.some((key) => key.handle === handle)).map((hsm) => hsm.HsmId);
    const hsms = shape.Hsms.map((hsm, index) => this.hsm(hsm, addresses.get(hsm.HsmId), faults, inspections[index], holders));
    const certificate = certificateOf(shape.Certificates.ClusterCertificate);
    const reason = notEligibleBecause(shape, stores);
    return {
      clusterId: shape.ClusterId,
      state: shape.State,
      ...(shape.StateMessage ? { stateMessage: shape.StateMessage } : {}),
      vpcId: shape.VpcId,
      securityGroup: shape.SecurityGroup,
      subnetMapping: shape.SubnetMapping,
      ...(shape.SourceBackupId ? { sourceBackupId: shape.SourceBackupId } : {}),
      hsms,
      certificates: {
        csr: Boolean(shape.Certificates.ClusterCsr),
        ...(certificate ? { clusterCertificate: certificate, trustAnchorSubject: certificate.issuer } : {}),
      },
      ...(reason ? { notEligibleBecause: reason } : {}),
    };
  }

  private async inspect(hsm: HsmShape): Promise<NodeInspection | undefined> {
    if (this.processStatus(hsm.HsmId) !== 'up') return undefined;
    try {
      return await this.sources.appliance.inspect(hsm.HsmId);
    } catch {
      return undefined;
    }
  }

  private hsm(
    hsm: HsmShape,
    address: { host: string; crypto: number; sync: number; management: number } | undefined,
    faults: readonly ConsoleFault[],
    inspection: NodeInspection | undefined,
    holders: (handle: number) => string[],
  ): ConsoleHsm {
    return {
      hsmId: hsm.HsmId,
      clusterId: hsm.ClusterId,
      state: hsm.State,
      stateMessage: hsm.StateMessage,
      availabilityZone: hsm.AvailabilityZone,
      subnetId: hsm.SubnetId,
      eniId: hsm.EniId,
      eniIp: hsm.EniIp,
      process: this.processStatus(hsm.HsmId),
      ...(address ? { listen: { host: address.host, crypto: address.crypto, sync: address.sync, management: address.management } } : {}),
      faults: faults.filter((fault) => fault.hsmIds.includes(hsm.HsmId)).map(({ faultId, kind }) => ({ faultId, kind })),
      ...(inspection ? { users: inspection.users, keys: inspection.keys.map((key): ConsoleHsmKey => ({ ...key, onHsms: holders(key.handle) })) } : {}),
    };
  }

  private vpcs({ accountId, region }: Scope, clusters: readonly ConsoleCluster[], faults: readonly ConsoleFault[]): ConsoleVpc[] {
    const hsms = clusters.flatMap((cluster) => cluster.hsms);
    const kmsEnis = this.sources.networkInterfaces.listNetworkInterfaces(accountId, region).filter((eni) => eni.requester === 'kms');
    const zonesDown = new Set(faults.flatMap((fault) => (fault.kind === 'az-outage' && fault.target['availabilityZone'] ? [fault.target['availabilityZone']] : [])));
    return this.sources.vpcs.listVpcs(accountId, region).map((vpc) => {
      const subnets = this.sources.subnets.listSubnets(accountId, region, vpc.id);
      const zoneNames = [...new Set(subnets.map((subnet) => subnet.availabilityZone))].sort();
      return {
        vpcId: vpc.id,
        cidrBlock: vpc.cidrBlock,
        isDefault: vpc.isDefault,
        zones: zoneNames.map((name) => ({
          name,
          outage: zonesDown.has(name),
          subnets: subnets
            .filter((subnet) => subnet.availabilityZone === name)
            .map((subnet) => ({
              subnetId: subnet.id,
              cidrBlock: subnet.cidrBlock,
              availabilityZone: subnet.availabilityZone,
              freeAddresses: subnet.availableIpAddressCount,
              hsmIds: hsms.filter((hsm) => hsm.subnetId === subnet.id).map((hsm) => hsm.hsmId),
              kmsEnis: kmsEnis.filter((eni) => eni.subnetId === subnet.id).map(eniView),
            })),
        })),
      };
    });
  }

  private store(scope: Scope, store: CustomKeyStoresListEntry): ConsoleStore {
    const { accountId, region } = scope;
    const groupName = `kms-${store.CustomKeyStoreId}`;
    const group = this.sources.securityGroups.listSecurityGroups(accountId, region).find((candidate) => candidate.name === groupName);
    const enis = group
      ? this.sources.networkInterfaces.listNetworkInterfaces(accountId, region).filter((eni) => eni.requester === 'kms' && eni.securityGroupIds.includes(group.id))
      : [];
    const trustAnchor = certificateOf(store.TrustAnchorCertificate);
    return {
      customKeyStoreId: store.CustomKeyStoreId,
      name: store.CustomKeyStoreName,
      clusterId: store.CloudHsmClusterId,
      state: store.ConnectionState,
      ...(store.ConnectionErrorCode ? { errorCode: store.ConnectionErrorCode } : {}),
      created: store.CreationDate.toISOString(),
      ...(trustAnchor ? { trustAnchorSubject: trustAnchor.subject } : {}),
      ...(group ? { securityGroup: groupView(group) } : {}),
      enis: enis.map(eniView),
      keys: this.keysIn(scope, store.CustomKeyStoreId),
    };
  }

  private keysIn(scope: Scope, customKeyStoreId: string): ConsoleKmsKey[] {
    const keys: ConsoleKmsKey[] = [];
    let Marker: string | undefined;
    do {
      const page = this.sources.keys.listKeys(scope, { Limit: 1000, ...(Marker ? { Marker } : {}) });
      for (const { KeyId } of page.Keys) {
        const { KeyMetadata } = this.sources.keys.describeKey(scope, { KeyId });
        if (KeyMetadata.CustomKeyStoreId !== customKeyStoreId) continue;
        keys.push({ keyId: KeyMetadata.KeyId, arn: KeyMetadata.Arn, state: KeyMetadata.KeyState, description: KeyMetadata.Description });
      }
      Marker = page.NextMarker;
    } while (Marker);
    return keys;
  }
}

function eniView(eni: { id: string; privateIpAddress: string; subnetId: string; availabilityZone: string; requester: string; description: string }): ConsoleEni {
  return { eniId: eni.id, ip: eni.privateIpAddress, subnetId: eni.subnetId, availabilityZone: eni.availabilityZone, requester: eni.requester, description: eni.description };
}

function groupView(group: SecurityGroupRecord): { groupId: string; name: string; rules: string[] } {
  return {
    groupId: group.id,
    name: group.name,
    rules: group.rules.map((rule) => {
      const ports = rule.fromPort === undefined ? 'all ports' : rule.fromPort === rule.toPort ? `port ${rule.fromPort}` : `ports ${rule.fromPort}-${rule.toPort}`;
      const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : rule.peer.groupId;
      const protocol = rule.protocol === '-1' ? 'all traffic' : rule.protocol.toUpperCase();
      return `${rule.direction === 'ingress' ? 'in from' : 'out to'} ${peer}: ${protocol}${rule.protocol === '-1' ? '' : ` ${ports}`}`;
    }),
  };
}

/** Subject, issuer and end of validity of a PEM certificate; undefined when absent or unreadable. */
function certificateOf(pem: string | undefined): ConsoleCertificate | undefined {
  if (!pem) return undefined;
  try {
    const certificate = new X509Certificate(pem);
    const oneLine = (name: string): string => name.split('\n').join(', ');
    return { subject: oneLine(certificate.subject), issuer: oneLine(certificate.issuer), validTo: new Date(certificate.validTo).toISOString() };
  } catch {
    return undefined;
  }
}
