// The simulator's configuration: flags win over environment variables, which win over defaults.

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { KEY_STORE_REQUESTS_PER_SECOND } from '../kms/custom-key-stores/store-request-rate';
import type { LogLevel } from '../shared/logger';
import { loadHsmHosts, type HsmHostsConfig } from './hsm-hosts.parser';

export const EngineKind = { SOFTHSM: 'softhsm', IN_MEMORY: 'in-memory' } as const;
export type EngineKind = (typeof EngineKind)[keyof typeof EngineKind];

export interface SimulatorConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Provisioning and connection durations: 0 instant, 1 AWS-like. Waiting periods run on the simulated clock instead. */
  readonly timeScale: number;
  readonly region: string;
  readonly engine: EngineKind;
  readonly softHsmLibrary?: string;
  readonly logLevel: LogLevel;
  /** 'standard': each HSM on 2223-2225 of its own loopback address; 'ephemeral': system-chosen ports (tests). */
  readonly hsmPorts: 'standard' | 'ephemeral';
  /** The account every request belongs to unless strict SigV4 maps the access key to another. */
  readonly accountId: string;
  /** Cryptographic requests per second each custom key store takes; AWS's 1,800 unless set, 0: no limit. */
  readonly keyStoreRequestRate: number;
  /** Whether HSM processes carry the fault seams (network gate, engine decorator, busy check); off only to measure what they cost. */
  readonly faultLayer: boolean;
  /** A shipped preset's name (`seed`) or a preset file to apply at start; none: start empty. */
  readonly preset?: string;
  /** Availability Zones whose HSMs run on other hosts (--hsm-host, --hsm-hosts); none: every HSM is a child process here. */
  readonly hsmHosts?: HsmHostsConfig;
  /** lenient (default): any credentials; strict: SigV4 verified against the keys of `credentialsFile`. */
  readonly auth?: AuthMode;
  /** The access keys of strict authentication (credentials-file.loader.ts). */
  readonly credentialsFile?: string;
  /** Required of /_sim/ admin requests when set; required to listen beyond loopback. Never logged. */
  readonly adminToken?: string;
}

export const AuthMode = { LENIENT: 'lenient', STRICT: 'strict' } as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];

/** 127.0.0.0/8, ::1 and localhost: addresses no other host can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** SIM: the account id AWS uses in its documentation examples. */
export const DEFAULT_ACCOUNT_ID = '111122223333';

export const DEFAULT_PORT = 4580;

type Environment = Readonly<Record<string, string | undefined>>;

export function loadSimulatorConfig(flags: Readonly<Record<string, string | undefined>>, env: Environment = process.env): SimulatorConfig {
  const pick = (flag: string, variable: string): string | undefined => flags[flag] ?? env[variable];
  const engine = pick('engine', 'CLOUDHSM_SIM_ENGINE') ?? EngineKind.SOFTHSM;
  if (engine !== EngineKind.SOFTHSM && engine !== EngineKind.IN_MEMORY) {
    throw new Error(`--engine must be ${EngineKind.SOFTHSM} or ${EngineKind.IN_MEMORY}, not "${engine}"`);
  }
  const softHsmLibrary = pick('softhsm-library', 'SOFTHSM2_LIB');
  const preset = pick('preset', 'CLOUDHSM_SIM_PRESET');
  const hsmHosts = loadHsmHosts(flags, env);
  const host = pick('host', 'CLOUDHSM_SIM_HOST') ?? '127.0.0.1';
  const auth = parseAuthMode(pick('auth', 'CLOUDHSM_SIM_AUTH') ?? AuthMode.LENIENT);
  const credentialsFile = pick('credentials', 'CLOUDHSM_SIM_CREDENTIALS');
  const adminToken = pick('admin-token', 'CLOUDHSM_SIM_ADMIN_TOKEN');
  if (auth === AuthMode.STRICT && !credentialsFile) throw new Error('--auth strict needs --credentials FILE: the access keys to accept');
  if (auth !== AuthMode.STRICT && credentialsFile) throw new Error('--credentials is read only with --auth strict');
  if (adminToken !== undefined && !/^[\x21-\x7e]{16,512}$/.test(adminToken)) throw new Error('--admin-token must be 16 to 512 printable characters without blanks');
  if (!isLoopbackHost(host) && adminToken === undefined) {
    throw new Error(`--host ${host} listens beyond loopback: give --admin-token TOKEN (CLOUDHSM_SIM_ADMIN_TOKEN), which the /_sim/ admin routes will then require`);
  }
  return {
    dataDir: resolve(pick('data-dir', 'CLOUDHSM_SIM_DATA_DIR') ?? join(homedir(), '.cloudhsm-sim')),
    host,
    port: parseNumber('port', pick('port', 'CLOUDHSM_SIM_PORT') ?? String(DEFAULT_PORT), 0, 65_535, true),
    timeScale: parseNumber('time-scale', pick('time-scale', 'CLOUDHSM_SIM_TIME_SCALE') ?? '0.01', 0, 1_000, false),
    region: pick('region', 'AWS_DEFAULT_REGION') ?? 'us-east-1',
    engine,
    ...(softHsmLibrary ? { softHsmLibrary } : {}),
    logLevel: parseLogLevel(pick('log-level', 'CLOUDHSM_SIM_LOG_LEVEL') ?? 'info'),
    hsmPorts: parseHsmPorts(pick('hsm-ports', 'CLOUDHSM_SIM_HSM_PORTS') ?? 'standard'),
    accountId: parseAccountId(pick('account-id', 'CLOUDHSM_SIM_ACCOUNT_ID') ?? DEFAULT_ACCOUNT_ID),
    keyStoreRequestRate: parseNumber(
      'key-store-request-rate',
      pick('key-store-request-rate', 'CLOUDHSM_SIM_KEY_STORE_REQUEST_RATE') ?? String(KEY_STORE_REQUESTS_PER_SECOND),
      0,
      1_000_000,
      true,
    ),
    faultLayer: parseOnOff('fault-layer', pick('fault-layer', 'CLOUDHSM_SIM_FAULT_LAYER') ?? 'on'),
    ...(preset ? { preset } : {}),
    ...(hsmHosts ? { hsmHosts } : {}),
    auth,
    ...(credentialsFile ? { credentialsFile: resolve(credentialsFile) } : {}),
    ...(adminToken !== undefined ? { adminToken } : {}),
  };
}

function parseAuthMode(text: string): AuthMode {
  if (text === AuthMode.LENIENT || text === AuthMode.STRICT) return text;
  throw new Error(`--auth must be lenient or strict, not "${text}"`);
}

function parseOnOff(name: string, text: string): boolean {
  if (text === 'on' || text === 'off') return text === 'on';
  throw new Error(`--${name} must be on or off, not "${text}"`);
}

function parseNumber(name: string, text: string, minimum: number, maximum: number, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < minimum || value > maximum || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${minimum} to ${maximum}, not "${text}"`);
  }
  return value;
}

function parseHsmPorts(text: string): SimulatorConfig['hsmPorts'] {
  if (text === 'standard' || text === 'ephemeral') return text;
  throw new Error(`--hsm-ports must be standard or ephemeral, not "${text}"`);
}

function parseAccountId(text: string): string {
  if (/^\d{12}$/.test(text)) return text;
  throw new Error(`--account-id must be 12 digits, not "${text}"`);
}

function parseLogLevel(text: string): LogLevel {
  if (text === 'debug' || text === 'info' || text === 'warn' || text === 'error') return text;
  throw new Error(`--log-level must be debug, info, warn or error, not "${text}"`);
}
