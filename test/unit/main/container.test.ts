import 'reflect-metadata';
import { expect } from 'chai';
import { buildContainer, withOverrides } from '../../../src/main/container';
import { EngineSelfCheck } from '../../../src/main/engine-self-check';
import { Tokens } from '../../../src/shared/injection-tokens';
import type { Clock } from '../../../src/shared/clock';
import { SystemClock } from '../../../src/shared/clock';
import { ManualClock } from '../../support/manual-clock';
import { createTestContainer, testConfig } from '../../support/test-container';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

describe('composition root', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = createTempDir('container')));
  afterEach(() => removeTempDir(dataDir));

  it('registers every port under its symbol token', () => {
    const container = buildContainer(testConfig(dataDir));
    for (const token of Object.values(Tokens)) expect(container.isRegistered(token), token.toString()).to.equal(true);
    expect(container.resolve<Clock>(Tokens.Clock)).to.be.instanceOf(SystemClock);
  });

  it('builds a child container whose overrides leave the parent untouched', () => {
    const parent = buildContainer(testConfig(dataDir));
    const manual = new ManualClock();
    const child = withOverrides(parent, [{ token: Tokens.Clock, useValue: manual }]);
    expect(child.resolve<Clock>(Tokens.Clock)).to.equal(manual);
    expect(parent.resolve<Clock>(Tokens.Clock)).to.be.instanceOf(SystemClock);
  });

  it('injects constructor parameters by token (decorator metadata survives the build)', async () => {
    const clock = new ManualClock();
    const container = createTestContainer(testConfig(dataDir), [{ token: Tokens.Clock, useValue: clock }]);
    const report = await container.resolve(EngineSelfCheck).run();
    expect(report).to.include({ engine: 'in-memory', tokens: 1, roundTripMs: 0 });
  });
});
