// One HSM engine for the benchmark cases that need it: opened on first use (so a --filter that skips
// every engine row opens nothing) in a scratch folder, one token, one logged-in session.

import type { HsmEngineFactory } from '../../hsm-sim/engine/hsm-engine-factory';
import type { HsmEngine, HsmSession } from '../../hsm-sim/engine/hsm-engine.port';
import { createScratchDirectory, removeScratchDirectory } from './scratch-directory';

const TOKEN = { label: 'bench', soPin: 'bench-so-pin', userPin: 'bench-user-pin' };

interface OpenEngine {
  readonly engine: HsmEngine;
  readonly session: HsmSession;
  readonly directory: string;
}

export class EngineFixture {
  private opening?: Promise<OpenEngine>;

  constructor(
    /** The engine's name in the table. */
    readonly label: string,
    private readonly openEngine: HsmEngineFactory,
  ) {}

  async session(): Promise<HsmSession> {
    this.opening ??= this.open();
    return (await this.opening).session;
  }

  async close(): Promise<void> {
    // A failed open has cleaned up after itself and rejected the setup that asked for the session.
    const opened = await this.opening?.catch(() => undefined);
    this.opening = undefined;
    if (!opened) return;
    try {
      await opened.engine.close();
    } finally {
      removeScratchDirectory(opened.directory);
    }
  }

  private async open(): Promise<OpenEngine> {
    const directory = createScratchDirectory('bench');
    let engine: HsmEngine | undefined;
    try {
      engine = await this.openEngine(directory);
      await engine.initToken(TOKEN);
      const session = await engine.openSession(TOKEN.label);
      await session.login(TOKEN.userPin);
      return { engine, session, directory };
    } catch (error) {
      await engine?.close();
      removeScratchDirectory(directory);
      throw error;
    }
  }
}
