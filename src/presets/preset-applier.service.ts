// Applies a preset through the public services, the same calls the AWS API handlers make:
// CreateCluster, CreateHsm, InitializeCluster (the CSR signed with the preset's CA), the users over
// the HSM's management port as cmu makes them, more HSMs, CreateCustomKeyStore and
// ConnectCustomKeyStore, CreateKey, CreateAlias. A data directory that already holds the preset
// reports what is there.

import { signCsrAsCustomer } from '../../hsm-sim/node/certificates';
import { inject, injectable } from 'tsyringe';
import { ClusterService, type RequestScope } from '../cloudhsm/cluster.service';
import { HsmService } from '../cloudhsm/hsm.service';
import { SubnetService } from '../ec2/subnets.service';
import { CustomKeyStoreConnectionService } from '../kms/custom-key-stores/custom-key-store-connection.service';
import { CustomKeyStoreQueryService } from '../kms/custom-key-stores/custom-key-store-query.service';
import { CustomKeyStoreService } from '../kms/custom-key-stores/custom-key-store.service';
import { AliasService } from '../kms/keys/alias.service';
import { KeyCreationService } from '../kms/keys/key-creation.service';
import { Tokens } from '../shared/injection-tokens';
import type { SimulatorConfig } from '../main/simulator-config';
import { PresetFileError } from './preset-file.error';
import { PresetHsmUsers } from './preset-hsm-users';
import type { PresetClusterResult, PresetResult } from './preset-result';
import type { LoadedPreset, PresetCluster } from './preset.types';
import { waitUntil } from './preset-wait';
import { PresetTokens } from './presets.tokens';
import type { AppliedPreset, AppliedPresetRepository } from './ports/applied-preset.repository';

/** A minute of real work, plus the AWS-like durations the time scale stretches (a cluster takes minutes on AWS). */
const BASE_WAIT_MS = 60_000;
const AWS_WAIT_MS = 2 * 60 * 60 * 1000;
const ADMIN = 'admin';

interface Placement {
  readonly zones: readonly string[];
  readonly subnetIds: readonly string[];
}

interface Ids {
  clusterIds: Record<string, string>;
  customKeyStoreIds: Record<string, string>;
  keyIds: Record<string, string>;
}

@injectable()
export class PresetApplier {
  constructor(
    @inject(Tokens.Config) private readonly config: SimulatorConfig,
    @inject(PresetTokens.AppliedPresets) private readonly applied: AppliedPresetRepository,
    @inject(SubnetService) private readonly subnets: SubnetService,
    @inject(ClusterService) private readonly clusters: ClusterService,
    @inject(HsmService) private readonly hsms: HsmService,
    @inject(PresetHsmUsers) private readonly users: PresetHsmUsers,
    @inject(CustomKeyStoreService) private readonly stores: CustomKeyStoreService,
    @inject(CustomKeyStoreConnectionService) private readonly connections: CustomKeyStoreConnectionService,
    @inject(CustomKeyStoreQueryService) private readonly storeQueries: CustomKeyStoreQueryService,
    @inject(KeyCreationService) private readonly keyCreation: KeyCreationService,
    @inject(AliasService) private readonly aliases: AliasService,
  ) {}

  private get scope(): RequestScope {
    return { accountId: this.config.accountId, region: this.config.region };
  }

  private get timeoutMs(): number {
    return BASE_WAIT_MS + this.config.timeScale * AWS_WAIT_MS;
  }

  async apply(loaded: LoadedPreset): Promise<PresetResult> {
    const started = Date.now();
    const { preset } = loaded;
    const existing = this.applied.find(preset.name);
    if (existing && !existing.complete) {
      throw new PresetFileError(loaded.source, '', `an earlier start began applying preset "${preset.name}" to this data directory (${existing.appliedAt}) and did not finish; start with an empty --data-dir`);
    }
    if (existing) {
      if (existing.digest !== loaded.digest) {
        throw new PresetFileError(loaded.source, '', `this data directory already holds a different preset named "${preset.name}" (applied ${existing.appliedAt} from ${existing.source}); start with an empty --data-dir, or rename the preset`);
      }
      // A restart: the stores' states are the user's now (a FAILED one is theirs to reconnect); the start goes on.
      await this.settleStores(existing.customKeyStoreIds, false);
      return this.report(loaded, existing, true, Date.now() - started);
    }
    const ids: Ids = { clusterIds: {}, customKeyStoreIds: {}, keyIds: {} };
    const record = (complete: boolean): AppliedPreset => ({
      name: preset.name,
      digest: loaded.digest,
      source: loaded.source,
      appliedAt: new Date().toISOString(),
      complete,
      accountId: this.config.accountId,
      region: this.config.region,
      ...ids,
      aliases: preset.aliases.map((alias) => alias.name),
      caFiles: Object.fromEntries(Object.entries(loaded.trustAnchors).map(([ref, anchor]) => [ref, anchor.certificateFile])),
    });
    // Zones and subnets are checked before anything is created.
    const placements = preset.clusters.map((cluster) => this.placementOf(loaded, cluster));
    this.applied.save(record(false));
    for (const [index, cluster] of preset.clusters.entries()) ids.clusterIds[cluster.ref] = await this.buildCluster(loaded, cluster, placements[index]!);
    for (const store of preset.customKeyStores) {
      const clusterId = ids.clusterIds[store.cluster]!;
      const anchor = loaded.trustAnchors[store.cluster]!;
      const { CustomKeyStoreId } = this.stores.createCustomKeyStore(this.scope, { CustomKeyStoreName: store.name, CloudHsmClusterId: clusterId, KeyStorePassword: store.password, TrustAnchorCertificate: anchor.certPem });
      ids.customKeyStoreIds[store.ref] = CustomKeyStoreId;
      if (store.connect) this.connections.connectCustomKeyStore(this.scope, { CustomKeyStoreId });
    }
    await this.settleStores(ids.customKeyStoreIds);
    for (const key of preset.keys) {
      const customKeyStoreId = key.customKeyStore === undefined ? undefined : ids.customKeyStoreIds[key.customKeyStore];
      const created = await this.keyCreation.createKey(this.scope, {
        ...(customKeyStoreId ? { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: customKeyStoreId } : {}),
        ...(key.description !== undefined ? { Description: key.description } : {}),
      });
      ids.keyIds[key.ref] = created.KeyMetadata.KeyId;
    }
    for (const alias of preset.aliases) this.aliases.createAlias(this.scope, { AliasName: alias.name, TargetKeyId: ids.keyIds[alias.key]! });
    const applied = record(true);
    this.applied.save(applied);
    return this.report(loaded, applied, false, Date.now() - started);
  }

  /** Each HSM's zone, and one default subnet per zone. */
  private placementOf(loaded: LoadedPreset, cluster: PresetCluster): Placement {
    const zones = this.zonesOf(loaded, cluster);
    const subnetIds = [...new Set(zones)].map((zone) => {
      const subnet = this.subnets.listSubnets(this.config.accountId, this.config.region).find((candidate) => candidate.availabilityZone === zone);
      if (!subnet) throw new PresetFileError(loaded.source, `clusters.${cluster.ref}.hsmsPerZone`, `there is no subnet in ${zone}; the default subnets are in ${this.defaultZones().join(', ')}`);
      return subnet.id;
    });
    return { zones, subnetIds };
  }

  /** The seed procedure for one cluster: ACTIVE, every HSM ACTIVE, its users on all of them. */
  private async buildCluster(loaded: LoadedPreset, cluster: PresetCluster, { zones, subnetIds }: Placement): Promise<string> {
    const { Cluster } = this.clusters.createCluster(this.scope, { HsmType: cluster.hsmType, SubnetIds: [...subnetIds], TagList: [{ Key: 'cloudhsm-sim:preset', Value: loaded.preset.name }] });
    const clusterId = Cluster.ClusterId!;
    await this.clusterIn(clusterId, 'UNINITIALIZED');
    const [firstZone, ...otherZones] = zones;
    this.hsms.createHsm(this.scope, { ClusterId: clusterId, AvailabilityZone: firstZone! });
    const csr = await waitUntil(`the CSR of cluster ${clusterId}`, () => this.describe(clusterId).Certificates?.ClusterCsr, this.timeoutMs);
    const anchor = loaded.trustAnchors[cluster.ref]!;
    this.clusters.initializeCluster(this.scope, { ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, anchor), TrustAnchor: anchor.certPem });
    await this.clusterIn(clusterId, 'INITIALIZED');
    const address = await waitUntil(`the address of cluster ${clusterId}'s HSM`, () => this.hsms.hsmAddresses(clusterId)?.[0]?.address, this.timeoutMs);
    await this.users.activate(address, anchor.certPem, cluster.users);
    await this.clusterIn(clusterId, 'ACTIVE');
    // Getting Started: the second HSM is cloned from the first, users included.
    for (const zone of otherZones) this.hsms.createHsm(this.scope, { ClusterId: clusterId, AvailabilityZone: zone });
    await waitUntil(`every HSM of cluster ${clusterId} ACTIVE`, () => {
      const hsms = this.describe(clusterId).Hsms ?? [];
      const failed = hsms.find((hsm) => hsm.State === 'DEGRADED' || hsm.State === 'DELETED');
      if (failed) throw new Error(`preset: HSM ${failed.HsmId} of cluster ${clusterId} is ${failed.State}: ${failed.StateMessage ?? ''}`);
      return hsms.length === zones.length && hsms.every((hsm) => hsm.State === 'ACTIVE') ? true : undefined;
    }, this.timeoutMs);
    return clusterId;
  }

  /** One entry per HSM, in file order: `a` is this Region's `<region>a`. */
  private zonesOf(loaded: LoadedPreset, cluster: PresetCluster): string[] {
    return Object.entries(cluster.hsmsPerZone).flatMap(([zone, count]) => {
      const name = zone.length === 1 ? `${this.config.region}${zone}` : zone;
      if (!name.startsWith(this.config.region)) {
        throw new PresetFileError(loaded.source, `clusters.${cluster.ref}.hsmsPerZone.${zone}`, `is not in the simulator's Region ${this.config.region}; use a zone letter, or one of ${this.defaultZones().join(', ')}`);
      }
      return Array.from({ length: count }, () => name);
    });
  }

  private defaultZones(): string[] {
    return this.subnets.listSubnets(this.config.accountId, this.config.region).map((subnet) => subnet.availabilityZone);
  }

  private describe(clusterId: string): NonNullable<ReturnType<ClusterService['describeClusters']>['Clusters'][number]> {
    const cluster = this.clusters.describeClusters(this.scope, { Filters: { clusterIds: [clusterId] } }).Clusters[0];
    if (!cluster) throw new Error(`preset: cluster ${clusterId} is gone`);
    return cluster;
  }

  private clusterIn(clusterId: string, state: string): Promise<true> {
    return waitUntil(`cluster ${clusterId} ${state}`, () => (this.describe(clusterId).State === state ? true : undefined), this.timeoutMs);
  }

  /**
   * Stores on their way (CONNECTING: a fresh connect, or one resumed after a restart) settle; on a fresh
   * apply they end CONNECTED or fail loudly, on a restart their state is reported as it is.
   */
  private async settleStores(customKeyStoreIds: Readonly<Record<string, string>>, failLoudly = true): Promise<void> {
    for (const customKeyStoreId of Object.values(customKeyStoreIds)) {
      await waitUntil(`custom key store ${customKeyStoreId} connected`, () => {
        const store = this.storeQueries.describeCustomKeyStores(this.scope, { CustomKeyStoreId: customKeyStoreId }).CustomKeyStores[0];
        if (failLoudly && store?.ConnectionState === 'FAILED') throw new Error(`preset: custom key store ${customKeyStoreId} failed to connect: ${store.ConnectionErrorCode ?? 'no error code'}`);
        return store?.ConnectionState === 'CONNECTING' || store?.ConnectionState === 'DISCONNECTING' ? undefined : true;
      }, this.timeoutMs);
    }
  }

  private report(loaded: LoadedPreset, record: AppliedPreset, alreadyApplied: boolean, tookMs: number): PresetResult {
    const clusters = loaded.preset.clusters.map((cluster): PresetClusterResult => {
      const clusterId = record.clusterIds[cluster.ref]!;
      const found = this.clusters.describeClusters(this.scope, { Filters: { clusterIds: [clusterId] } }).Clusters[0];
      return {
        ref: cluster.ref,
        clusterId,
        state: found?.State ?? 'DELETED',
        hsmIds: (found?.Hsms ?? []).map((hsm) => hsm.HsmId!),
        caFile: record.caFiles[cluster.ref] ?? loaded.trustAnchors[cluster.ref]!.certificateFile,
        admin: { username: ADMIN, password: cluster.users.coPassword },
      };
    });
    return {
      name: record.name,
      source: record.source,
      alreadyApplied,
      appliedAt: record.appliedAt,
      tookMs,
      clusters,
      customKeyStores: loaded.preset.customKeyStores.map((store) => {
        const customKeyStoreId = record.customKeyStoreIds[store.ref]!;
        const found = this.storeQueries.describeCustomKeyStores(this.scope, { CustomKeyStoreId: customKeyStoreId }).CustomKeyStores[0];
        return { ref: store.ref, customKeyStoreId, name: store.name, connectionState: found?.ConnectionState ?? 'DELETED' };
      }),
      keys: loaded.preset.keys.map((key) => {
        const customKeyStoreId = key.customKeyStore === undefined ? undefined : record.customKeyStoreIds[key.customKeyStore];
        return { ref: key.ref, keyId: record.keyIds[key.ref]!, ...(customKeyStoreId ? { customKeyStoreId } : {}) };
      }),
      aliases: record.aliases,
    };
  }
}
