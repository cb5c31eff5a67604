// A container for tests: the production composition with the in-memory engine, a manual clock and a
// silent logger, plus any overrides a test names.

import type { DependencyContainer } from 'tsyringe';
import { buildContainer, withOverrides, type Override } from '../../src/main/container';
import { Tokens } from '../../src/shared/injection-tokens';
import { loadSimulatorConfig, type SimulatorConfig } from '../../src/main/simulator-config';
import type { Logger } from '../../src/shared/logger';
import { ManualClock } from './manual-clock';

export const silentLogger: Logger = { log: () => undefined };

export function testConfig(dataDir: string, overrides: Partial<SimulatorConfig> = {}): SimulatorConfig {
  return { ...loadSimulatorConfig({ 'data-dir': dataDir, engine: 'in-memory', port: '0', 'time-scale': '0' }, {}), ...overrides };
}

export function createTestContainer(config: SimulatorConfig, overrides: readonly Override[] = []): DependencyContainer {
  return withOverrides(buildContainer(config), [
    { token: Tokens.Clock, useValue: new ManualClock() },
    { token: Tokens.Logger, useValue: silentLogger },
    ...overrides,
  ]);
}
