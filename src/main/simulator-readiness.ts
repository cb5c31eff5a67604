// Whether the simulator is ready for a test suite: the endpoint answers (or this would not be asked),
// no preset is still being applied, and no HSM process is still starting.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PresetPhase = 'applying' | 'applied' | 'failed';

export interface PresetProgress {
  readonly name: string;
  readonly phase: PresetPhase;
  readonly error?: string;
}

export interface HealthView {
  readonly status: 'ready' | 'starting';
  readonly version: string;
  readonly services: Readonly<Record<string, 'running'>>;
  readonly hsms: Readonly<Record<string, string>>;
  readonly preset?: PresetProgress;
}

/** The services the endpoint serves, LocalStack-style. */
const SERVICES = { cloudhsmv2: 'running', cloudtrail: 'running', ec2: 'running', kms: 'running' } as const;
/** A node process in this state has not answered yet. */
const STARTING_PROCESS = 'starting';

export class SimulatorReadiness {
  private preset: PresetProgress | undefined;

  constructor(
    private readonly hsmProcesses: () => Readonly<Record<string, string>>,
    readonly version: string = packageVersion(),
  ) {}

  presetApplying(name: string): void {
    this.preset = { name, phase: 'applying' };
  }

  presetApplied(name: string): void {
    this.preset = { name, phase: 'applied' };
  }

  presetFailed(name: string, error: unknown): void {
    this.preset = { name, phase: 'failed', error: error instanceof Error ? error.message : String(error) };
  }

  view(): HealthView {
    const hsms = this.hsmProcesses();
    // SIM: an HSM that a fault killed or hung is reported, but does not make the simulator "starting" again.
    const starting = this.preset?.phase !== undefined && this.preset.phase !== 'applied' || Object.values(hsms).includes(STARTING_PROCESS);
    return { status: starting ? 'starting' : 'ready', version: this.version, services: SERVICES, hsms, ...(this.preset ? { preset: this.preset } : {}) };
  }
}

/** The version in package.json, from dist/src/main (the repository and the installed package alike). */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
