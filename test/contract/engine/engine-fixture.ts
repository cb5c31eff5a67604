// What the engine contract suite needs from an engine under test: open an engine over a folder, and open
// it again over the same folder after close (to check what persists).

import type { HsmEngine, HsmSession } from '../../../hsm-sim/engine/hsm-engine.port';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

export interface EngineFixture {
  readonly name: string;
  open(directory: string): Promise<HsmEngine>;
}

export const SO_PIN = 'so-pin-1234';
export const USER_PIN = 'user-pin-1234';

/** Per test: a fresh folder and engine, closed and removed afterwards. */
export class EngineUnderTest {
  directory = '';
  engine!: HsmEngine;

  constructor(readonly fixture: EngineFixture) {}

  async start(): Promise<HsmEngine> {
    this.directory = createTempDir('engine');
    this.engine = await this.fixture.open(this.directory);
    return this.engine;
  }

  async reopen(): Promise<HsmEngine> {
    await this.engine.close();
    this.engine = await this.fixture.open(this.directory);
    return this.engine;
  }

  async stop(): Promise<void> {
    await this.engine?.close();
    if (this.directory) removeTempDir(this.directory);
  }

  /** A token with this label, and a logged-in session on it. */
  async loggedInSession(label = 'hsm1'): Promise<HsmSession> {
    if (!this.engine.findToken(label)) await this.engine.initToken({ label, soPin: SO_PIN, userPin: USER_PIN });
    const session = await this.engine.openSession(label);
    await session.login(USER_PIN);
    return session;
  }
}

export function useEngine(fixture: EngineFixture): EngineUnderTest {
  const subject = new EngineUnderTest(fixture);
  beforeEach(() => subject.start());
  afterEach(() => subject.stop());
  return subject;
}
