// The running simulator: the control-plane services over one SQLite database, the HSM node processes,
// and the AWS endpoint in front of them. Everything registered here and nowhere else.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { FileBackupVault } from '../adapters/appliance/file-backup-vault';
import { FleetAppliance } from '../adapters/appliance/fleet-appliance';
import { RemoteHostPlacement } from '../adapters/appliance/remote-host-placement';
import { Ec2CloudHsmNetwork } from '../adapters/network/ec2-cloudhsm-network';
import { SqliteAppliedPresetRepository } from '../adapters/sqlite/sqlite-applied-preset.repository';
import { SqliteClockOffsetRepository } from '../adapters/sqlite/sqlite-clock-offset.repository';
import { SqliteClusterRepository } from '../adapters/sqlite/sqlite-cluster.repository';
import { SqliteDatabase } from '../adapters/sqlite/sqlite-database';
import { BackupService } from '../cloudhsm/backup.service';
import { cloudHsmHandlers } from '../cloudhsm/cloudhsm.handlers';
import { CloudHsmTokens } from '../cloudhsm/cloudhsm.tokens';
import { ClusterService } from '../cloudhsm/cluster.service';
import { HsmService } from '../cloudhsm/hsm.service';
import { Ec2Handlers } from '../ec2/ec2.handlers';
import { Ec2Tokens } from '../ec2/ec2.tokens';
import { SubnetService } from '../ec2/subnets.service';
import { IdGenerator } from '../shared/ids';
import { Tokens } from '../shared/injection-tokens';
import type { Logger } from '../shared/logger';
import { SystemClock } from '../shared/clock';
import { ScaledScheduler, type Scheduler } from '../shared/scheduler';
import { SimulatedClock } from '../shared/simulated-clock';
import { apiCallListener } from '../cloudtrail/api-call.listener';
import { cloudTrailHandlers } from '../cloudtrail/cloudtrail.handlers';
import { CloudTrailRecorder } from '../cloudtrail/cloudtrail-recorder.service';
import { CloudTrailTokens } from '../cloudtrail/cloudtrail.tokens';
import { SqliteCloudTrailEventRepository } from '../cloudtrail/sqlite-cloudtrail-event.repository';
import { DEFAULT_TRAIL_BOUNDS } from '../cloudtrail/trail-bounds';
import { CloudHsmClusterDirectory } from '../kms/custom-key-stores/cloudhsm-cluster-directory';
import { CustomKeyStoreConnectionService } from '../kms/custom-key-stores/custom-key-store-connection.service';
import { CustomKeyStoreCrypto } from '../kms/custom-key-stores/custom-key-store-crypto';
import { DEFAULT_HSM_CLIENT_TIMEOUTS } from '../kms/custom-key-stores/custom-key-store.durations';
import { customKeyStoreHandlers } from '../kms/custom-key-stores/custom-key-store.handlers';
import { CustomKeyStoreTokens } from '../kms/custom-key-stores/custom-key-store.tokens';
import { Ec2KeyStoreNetwork } from '../kms/custom-key-stores/ec2-key-store-network';
import { KeyStorePasswordSealer } from '../kms/custom-key-stores/key-store-password.sealer';
import { KeyStoreSessions } from '../kms/custom-key-stores/key-store-sessions';
import { SqliteCustomKeyStoreRepository } from '../kms/custom-key-stores/sqlite-custom-key-store.repository';
import { AesGcmKeyMaterialVault } from '../kms/keys/aes-gcm-key-material.vault';
import { AsymmetricKeyTokens } from '../kms/keys/asymmetric/asymmetric-key.tokens';
import { SqliteKeySpecMaterialRepository } from '../kms/keys/asymmetric/sqlite-key-spec-material.repository';
import { SqliteGrantRepository } from '../kms/keys/grants/sqlite-grant.repository';
import { KeyImportService } from '../kms/keys/import/key-import.service';
import { SqliteImportParametersRepository } from '../kms/keys/import/sqlite-import-parameters.repository';
import { KeyDeletionService } from '../kms/keys/key-deletion.service';
import { KmsKeyFeatureTokens } from '../kms/keys/kms-key-features.tokens';
import { KeyRotationService } from '../kms/keys/rotation/key-rotation.service';
import { SqliteKeyMaterialRepository } from '../kms/keys/rotation/sqlite-key-material.repository';
import { KeyUsageService } from '../kms/keys/usage/key-usage.service';
import { SqliteKeyUsageRepository } from '../kms/keys/usage/sqlite-key-usage.repository';
import { KmsKeyInventory } from '../kms/keys/kms-key-inventory';
import { kmsKeyHandlers } from '../kms/keys/kms-key.handlers';
import { KmsKeyTokens } from '../kms/keys/kms-key.tokens';
import { loadOrCreateMasterKey } from '../kms/keys/master-key.file';
import { SqliteKmsKeyRepository } from '../kms/keys/sqlite-kms-key.repository';
import { AwsEndpoint, cloudHsmV2Model, cloudTrailModel, ec2Model, kmsModel, type AdminResponse } from '../wire';
import { FaultInjector } from '../faults/fault-injector.service';
import { registerFaultRoutes } from '../faults/fault.routes';
import { FaultTokens } from '../faults/faults.tokens';
import { consoleSources } from '../console/console-sources';
import { CONSOLE_BASE, WebConsole } from '../console/console.routes';
import { PresetApplier } from '../presets/preset-applier.service';
import type { PresetResult } from '../presets/preset-result';
import type { LoadedPreset } from '../presets/preset.types';
import { PresetTokens } from '../presets/presets.tokens';
import { CLOCK_ADVANCE_ROUTE, CLOCK_ROUTE, clockAdvanceRoute, clockRoute } from './clock.routes';
import { buildContainer } from './container';
import { HEALTH_ROUTE, healthRoute } from './health.routes';
import { claimDataDirectory } from './simulator-pid-file';
import { SimulatorReadiness } from './simulator-readiness';
import { loadCredentialsFile } from './credentials-file.loader';
import { AuthMode, type SimulatorConfig } from './simulator-config';

const NODE_ENTRY = join(__dirname, '..', '..', 'hsm-sim', 'node-process', 'node-main.js');
export const DATABASE_FILE = 'cloudhsm-sim.sqlite';
/** How often the last use of KMS keys (GetKeyLastUsage) is written to the database. */
const KEY_USAGE_FLUSH_MS = 5_000;
/** How often recorded CloudTrail events are written to the database. */
const TRAIL_FLUSH_MS = 1_000;

export interface DefaultSubnet {
  readonly subnetId: string;
  readonly availabilityZone: string;
  readonly cidrBlock: string;
}

/** The trail (src/cloudtrail): one recorder, fed by the endpoint and by the KMS services' own events. */
function registerCloudTrail(container: DependencyContainer, database: SqliteDatabase, ids: IdGenerator): void {
  container.register(CloudTrailTokens.EventRepository, { useValue: new SqliteCloudTrailEventRepository(database) });
  container.register(CloudTrailTokens.Bounds, { useValue: DEFAULT_TRAIL_BOUNDS });
  container.register(CloudTrailTokens.IdGenerator, { useValue: ids });
  container.registerSingleton(CloudTrailRecorder);
}

/** KMS custom key stores and KMS keys over the same database; the key store's live HSM sessions are one per simulator. */
function registerKms(container: DependencyContainer, config: SimulatorConfig, database: SqliteDatabase, scheduler: Scheduler, ids: IdGenerator): void {
  container.registerSingleton(KeyStoreSessions);
  const masterKey = loadOrCreateMasterKey(config.dataDir);
  container.register(CustomKeyStoreTokens.Repository, { useValue: new SqliteCustomKeyStoreRepository(database, new KeyStorePasswordSealer(masterKey)) });
  container.register(CustomKeyStoreTokens.ClusterDirectory, { useClass: CloudHsmClusterDirectory });
  container.register(CustomKeyStoreTokens.Network, { useClass: Ec2KeyStoreNetwork });
  container.register(CustomKeyStoreTokens.Scheduler, { useValue: scheduler });
  container.register(CustomKeyStoreTokens.IdGenerator, { useValue: ids });
  container.register(CustomKeyStoreTokens.HsmClientTimeouts, { useValue: DEFAULT_HSM_CLIENT_TIMEOUTS });
  container.register(CustomKeyStoreTokens.RequestRateLimit, { useValue: config.keyStoreRequestRate });
  container.register(KmsKeyTokens.KeyRepository, { useValue: new SqliteKmsKeyRepository(database) });
  container.register(KmsKeyTokens.KeyMaterialVault, { useValue: new AesGcmKeyMaterialVault(masterKey) });
  container.register(KmsKeyTokens.KeyStoreCrypto, { useValue: container.resolve(CustomKeyStoreCrypto) });
  container.register(KmsKeyTokens.IdGenerator, { useValue: ids });
  container.register(AsymmetricKeyTokens.MaterialRepository, { useValue: new SqliteKeySpecMaterialRepository(database) });
  container.register(KmsKeyFeatureTokens.GrantRepository, { useValue: new SqliteGrantRepository(database) });
  container.register(KmsKeyFeatureTokens.KeyMaterialRepository, { useValue: new SqliteKeyMaterialRepository(database) });
  container.register(KmsKeyFeatureTokens.ImportParametersRepository, { useValue: new SqliteImportParametersRepository(database) });
  container.register(KmsKeyFeatureTokens.KeyUsageRepository, { useValue: new SqliteKeyUsageRepository(database) });
  container.register(KmsKeyFeatureTokens.ServiceEvents, { useValue: container.resolve(CloudTrailRecorder) });
  // One holder of the uses not yet flushed, for the handlers that record them and GetKeyLastUsage.
  container.registerSingleton(KeyUsageService);
  const inventory = container.resolve(KmsKeyInventory);
  container.register(CustomKeyStoreTokens.KeyCounter, { useValue: (customKeyStoreId: string) => inventory.keysInStore(customKeyStoreId) });
  container.register(CustomKeyStoreTokens.KnownKeyArns, { useValue: (customKeyStoreId: string) => inventory.keyArnsInStore(customKeyStoreId) });
}

/** GET /_sim/clusters/<cluster id>/hsms: where each HSM of a cluster listens (cmu --cluster-id --endpoint). */
export const CLUSTER_HSMS_ROUTE = '/_sim/clusters/';

function clusterHsmsRoute(hsms: HsmService, path: string): AdminResponse {
  const clusterId = /^\/_sim\/clusters\/([^/]+)\/hsms$/.exec(path)?.[1];
  // Cluster ids are plain ASCII: a path that does not decode names no cluster.
  const decoded = clusterId && /^[A-Za-z0-9-]+$/.test(clusterId) ? clusterId : undefined;
  const found = decoded ? hsms.hsmAddresses(decoded) : undefined;
  if (!found) return { status: 404, body: { message: `no cluster ${decoded ?? ''}: use GET ${CLUSTER_HSMS_ROUTE}<cluster id>/hsms` } };
  return {
    body: {
      Hsms: found.map(({ hsm, address }) => ({
        HsmId: hsm.hsmId,
        AvailabilityZone: hsm.availabilityZone,
        EniIp: hsm.eniIp,
        State: hsm.state,
        ...(address ? { Host: address.host, CryptoPort: address.crypto, ManagementPort: address.management } : {}),
      })),
    },
  };
}

export class ControlPlane {
  private webConsole: WebConsole | undefined;

  private constructor(
    readonly config: SimulatorConfig,
    private readonly container: DependencyContainer,
    private readonly database: SqliteDatabase,
    private readonly clock: SimulatedClock,
    private readonly appliance: FleetAppliance,
    private readonly endpoint: AwsEndpoint,
    readonly port: number,
    readonly readiness: SimulatorReadiness,
    private readonly keyUsage: KeyUsageService,
    private readonly keyUsageFlush: NodeJS.Timeout,
    private readonly trail: CloudTrailRecorder,
    private readonly trailFlush: NodeJS.Timeout,
    private readonly dataDirClaim: { release(): void },
  ) {}

  static async start(config: SimulatorConfig): Promise<ControlPlane> {
    // A bad credentials file stops the start before anything runs.
    const accessKeys = config.auth === AuthMode.STRICT && config.credentialsFile ? loadCredentialsFile(config.credentialsFile) : undefined;
    const container = buildContainer(config);
    const logger = container.resolve<Logger>(Tokens.Logger);
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    // Refused while another simulator runs here; a simulator that was killed left a stale pid file.
    const dataDirClaim = claimDataDirectory(config.dataDir);
    const database = new SqliteDatabase(join(config.dataDir, DATABASE_FILE));
    const onTaskError = (error: unknown): void => logger.log('error', 'scheduled task failed', { error: String(error) });
    // Provisioning and connection durations follow the time scale; waiting periods, and every timestamp, the simulated clock.
    const scheduler: Scheduler = new ScaledScheduler(config.timeScale, onTaskError);
    const clock = new SimulatedClock(new SystemClock(), new SqliteClockOffsetRepository(database), onTaskError);
    container.register(Tokens.Clock, { useValue: clock });
    const placement = config.hsmHosts
      ? await RemoteHostPlacement.connect({ ...config.hsmHosts, nodeEntry: NODE_ENTRY, warn: (message) => logger.log('warn', message) })
      : undefined;
    const appliance = new FleetAppliance({
      dataDir: config.dataDir,
      nodeEntry: NODE_ENTRY,
      engine: config.engine,
      ports: config.hsmPorts,
      faultLayer: config.faultLayer,
      ...(config.softHsmLibrary ? { softHsmLibrary: config.softHsmLibrary } : {}),
      ...(placement ? { placement } : {}),
    });
    const ids = new IdGenerator();
    container.register(Ec2Tokens.Database, { useValue: database });
    container.register(Ec2Tokens.IdGenerator, { useValue: ids });
    container.register(CloudHsmTokens.ClusterRepository, { useValue: new SqliteClusterRepository(database) });
    container.register(CloudHsmTokens.HsmAppliance, { useValue: appliance });
    container.register(CloudHsmTokens.Scheduler, { useValue: scheduler });
    container.register(CloudHsmTokens.IdGenerator, { useValue: ids });
    container.register(CloudHsmTokens.BackupVault, { useValue: new FileBackupVault(config.dataDir) });
    container.register(CloudHsmTokens.CloudHsmNetwork, { useClass: Ec2CloudHsmNetwork });
    container.register(FaultTokens.Seams, { useValue: appliance });

    registerCloudTrail(container, database, ids);
    registerKms(container, config, database, scheduler, ids);
    container.register(PresetTokens.AppliedPresets, { useValue: new SqliteAppliedPresetRepository(database) });

    const clusters = container.resolve(ClusterService);
    const hsms = container.resolve(HsmService);
    appliance.onActivated((hsmId) => clusters.hsmActivated(hsmId));
    appliance.onDied((hsmId) => hsms.hsmDied(hsmId));
    // SIM: a host answering again makes its HSMs ACTIVE even while an az-outage fault is on their zone.
    appliance.onReachability((hsmId, reachable) => (reachable ? hsms.hsmReachable(hsmId) : hsms.hsmUnreachable(hsmId)));
    // HSM processes of a simulator that was killed (SIGKILL, OOM) may still hold their ports and tokens.
    const orphans = await appliance.endOrphans();
    if (orphans.length > 0) logger.log('warn', 'ended HSM processes left running by an earlier simulator', { pids: orphans });
    await hsms.resumeAll();
    await container.resolve(CustomKeyStoreConnectionService).resumeConnections();
    container.resolve(KeyDeletionService).resumeScheduledDeletions();
    container.resolve(KeyRotationService).resumeRotations();
    container.resolve(KeyImportService).resumeExpirations();
    container.resolve(BackupService).resumeWaitingPeriods();

    const endpoint = new AwsEndpoint({
      host: config.host,
      port: config.port,
      defaultAccountId: config.accountId,
      defaultRegion: config.region,
      ...(accessKeys ? { strict: true, credentials: accessKeys } : {}),
      ...(config.adminToken !== undefined ? { adminToken: config.adminToken } : {}),
      onInternalError: (error, context) => logger.log('error', 'internal error', { error: error instanceof Error ? error.stack : String(error), context }),
    });
    endpoint.register(cloudHsmV2Model, cloudHsmHandlers(container));
    endpoint.register(ec2Model, container.resolve(Ec2Handlers).handlers);
    endpoint.register(kmsModel, { ...customKeyStoreHandlers(container), ...kmsKeyHandlers(container) });
    endpoint.register(cloudTrailModel, cloudTrailHandlers(container));
    const trail = container.resolve(CloudTrailRecorder);
    endpoint.onAnswered(apiCallListener(trail, [kmsModel, cloudHsmV2Model]));
    endpoint.route('GET', CLUSTER_HSMS_ROUTE, (request) => clusterHsmsRoute(hsms, request.path));
    endpoint.route('GET', CLOCK_ROUTE, (request) => clockRoute(clock, request));
    endpoint.route('POST', CLOCK_ADVANCE_ROUTE, (request) => clockAdvanceRoute(clock, request));
    const faults = container.resolve(FaultInjector);
    registerFaultRoutes(endpoint, faults);
    const readiness = new SimulatorReadiness(() => appliance.processStates());
    endpoint.route('GET', HEALTH_ROUTE, (request) => healthRoute(readiness, request));
    let url = '';
    const webConsole = new WebConsole(consoleSources(container, config, { clock, appliance, faults }), {
      endpointUrl: () => url,
      onError: (error) => logger.log('error', 'console snapshot failed', { error: error instanceof Error ? error.stack : String(error) }),
    });
    webConsole.attach(endpoint, appliance);
    const port = await endpoint.listen();
    const keyUsage = container.resolve(KeyUsageService);
    const keyUsageFlush = setInterval(() => keyUsage.flush(), KEY_USAGE_FLUSH_MS).unref();
    const trailFlush = setInterval(() => trail.flush(), TRAIL_FLUSH_MS).unref();
    const plane = new ControlPlane(config, container, database, clock, appliance, endpoint, port, readiness, keyUsage, keyUsageFlush, trail, trailFlush, dataDirClaim);
    url = plane.url;
    plane.webConsole = webConsole;
    return plane;
  }

  /** The web console (src/console). */
  get consoleUrl(): string {
    return `${this.url}${CONSOLE_BASE}`;
  }

  get url(): string {
    return `http://${this.config.host}:${this.port}`;
  }

  defaultSubnets(): DefaultSubnet[] {
    return this.container
      .resolve(SubnetService)
      .listSubnets(this.config.accountId, this.config.region)
      .map((subnet) => ({ subnetId: subnet.id, availabilityZone: subnet.availabilityZone, cidrBlock: subnet.cidrBlock }));
  }

  /** Applies a preset through the services (the endpoint answers meanwhile; /_sim/health says "starting"). */
  async applyPreset(loaded: LoadedPreset): Promise<PresetResult> {
    this.readiness.presetApplying(loaded.preset.name);
    try {
      const result = await this.container.resolve(PresetApplier).apply(loaded);
      this.readiness.presetApplied(loaded.preset.name);
      return result;
    } catch (error) {
      this.readiness.presetFailed(loaded.preset.name, error);
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.webConsole?.stop();
    await this.endpoint.close();
    clearInterval(this.keyUsageFlush);
    this.keyUsage.flush();
    await this.clock.stop();
    // After the clock: a deletion window that ended while stopping has recorded its DeleteKey event.
    clearInterval(this.trailFlush);
    this.trail.flush();
    await this.appliance.stopAll();
    this.database.close();
    this.dataDirClaim.release();
  }
}
