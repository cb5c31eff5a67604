// The composition root: the only place that registers implementations with tsyringe.

import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { inMemoryEngineFactory, softHsmEngineFactory, type HsmEngineFactory } from '../../hsm-sim/engine/hsm-engine-factory';
import { SystemClock } from '../shared/clock';
import { JsonLinesLogger } from '../shared/logger';
import { Tokens } from '../shared/injection-tokens';
import { EngineKind, type SimulatorConfig } from './simulator-config';

export function buildContainer(config: SimulatorConfig): DependencyContainer {
  const container = rootContainer.createChildContainer();
  container.register(Tokens.Config, { useValue: config });
  container.register(Tokens.Clock, { useValue: new SystemClock() });
  container.register(Tokens.Logger, { useValue: new JsonLinesLogger(config.logLevel) });
  container.register<HsmEngineFactory>(Tokens.HsmEngineFactory, {
    useValue: config.engine === EngineKind.IN_MEMORY ? inMemoryEngineFactory() : softHsmEngineFactory(config.softHsmLibrary),
  });
  return container;
}

export interface Override {
  readonly token: symbol;
  readonly useValue: unknown;
}

/** A child container in which the overrides replace the parent's registrations; the parent is untouched. */
export function withOverrides(parent: DependencyContainer, overrides: readonly Override[]): DependencyContainer {
  const child = parent.createChildContainer();
  for (const { token, useValue } of overrides) child.register(token, { useValue });
  return child;
}
