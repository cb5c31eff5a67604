// The library entry point for test suites: a whole simulator in this process (its HSMs as child
// processes) on a free port, in a temporary data directory, optionally with a preset applied;
// stop() ends every child process and removes what it created.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPresetFile } from '../presets/preset-file.loader';
import type { PresetResult } from '../presets/preset-result';
import { ControlPlane } from './control-plane';
import { warmUpForPreset } from './preset-warm-up';
import type { HealthView } from './simulator-readiness';
import { DEFAULT_ACCOUNT_ID, type EngineKind, type SimulatorConfig } from './simulator-config';
import { softHsmSetupAdvice } from './softhsm-setup-advice';
import type { LogLevel } from '../shared/logger';

export interface StartSimulatorOptions {
  /** Default: a new temporary directory (on /dev/shm when there is one), removed by stop(). */
  readonly dataDir?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Default 0: provisioning and connections are instant. */
  readonly timeScale?: number;
  /** A shipped preset's name (`seed`) or a preset file; default none (an empty simulator). */
  readonly preset?: string;
  /** Default softhsm. */
  readonly engine?: EngineKind;
  /** Default ephemeral: system-chosen HSM ports, so simulators never collide. */
  readonly hsmPorts?: 'standard' | 'ephemeral';
  /** Default us-east-1. */
  readonly region?: string;
  readonly accountId?: string;
  readonly softHsmLibrary?: string;
  /** Default warn: the simulator's JSON log lines stay out of a test run's output. */
  readonly logLevel?: LogLevel;
  /** Default 1800 (AWS's quota); 0 lifts it. */
  readonly keyStoreRequestRate?: number;
}

/** What to pass to any AWS SDK v3 client: `new KMSClient(sim.clientConfig)`. */
export interface SdkClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  readonly endpoint: string;
  readonly region: string;
  readonly accountId: string;
  readonly dataDir: string;
  /** The preset's first cluster, custom key store, key and CA file; undefined without a preset. */
  readonly clusterId?: string;
  readonly customKeyStoreId?: string;
  readonly keyId?: string;
  readonly caFile?: string;
  /** Every id the preset made, and the CO credentials. */
  readonly preset?: PresetResult;
  readonly clientConfig: SdkClientConfig;
  /** `sim.client(KMSClient)`: an SDK v3 client of any service, pointed at this simulator. */
  client<T>(clientClass: new (config: SdkClientConfig) => T): T;
  /** What GET /_sim/health answers. */
  health(): HealthView;
  /** Stops the endpoint and every HSM process; removes the data directory if startSimulator made it. */
  stop(): Promise<void>;
}

/** SIM: any credentials are accepted unless strict SigV4 is configured. */
const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
const FAST_TEMP_ROOT = '/dev/shm';

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir === undefined ? mkdtempSync(join(existsSync(FAST_TEMP_ROOT) ? FAST_TEMP_ROOT : tmpdir(), 'cloudhsm-sim-')) : resolve(options.dataDir);
  const removeOwnDir = (): void => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const config: SimulatorConfig = {
    dataDir,
    host: '127.0.0.1',
    port: options.port ?? 0,
    timeScale: options.timeScale ?? 0,
    region: options.region ?? 'us-east-1',
    engine: options.engine ?? 'softhsm',
    ...(options.softHsmLibrary ? { softHsmLibrary: options.softHsmLibrary } : {}),
    logLevel: options.logLevel ?? 'warn',
    hsmPorts: options.hsmPorts ?? 'ephemeral',
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    keyStoreRequestRate: options.keyStoreRequestRate ?? 1800,
    faultLayer: true,
    ...(options.preset ? { preset: options.preset } : {}),
  };
  let plane: ControlPlane | undefined;
  try {
    const advice = softHsmSetupAdvice(config);
    if (advice) throw new Error(advice.map((line) => line.replace(/^cloudhsm-sim: /, '')).join('\n'));
    const loaded = config.preset ? await loadPresetFile(config.preset) : undefined;
    await warmUpForPreset(loaded, dataDir);
    plane = await ControlPlane.start(config);
    const result = loaded ? await plane.applyPreset(loaded) : undefined;
    const running = plane;
    const endpoint = running.url;
    const clientConfig: SdkClientConfig = { endpoint, region: config.region, credentials: TEST_CREDENTIALS };
    let stopped: Promise<void> | undefined;
    return {
      endpoint,
      region: config.region,
      accountId: config.accountId,
      dataDir,
      ...(result?.clusters[0] ? { clusterId: result.clusters[0].clusterId, caFile: result.clusters[0].caFile } : {}),
      ...(result?.customKeyStores[0] ? { customKeyStoreId: result.customKeyStores[0].customKeyStoreId } : {}),
      ...(result?.keys[0] ? { keyId: result.keys[0].keyId } : {}),
      ...(result ? { preset: result } : {}),
      clientConfig,
      client: (clientClass) => new clientClass(clientConfig),
      health: () => running.readiness.view(),
      stop: () => (stopped ??= running.stop().finally(removeOwnDir)),
    };
  } catch (error) {
    await plane?.stop();
    removeOwnDir();
    throw error;
  }
}
