// Proves at start-up that the configured HSM engine works here: a token in the data directory, a key,
// an AES-GCM round trip. Reports what is running.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { inject, injectable } from 'tsyringe';
import type { HsmEngineFactory } from '../../hsm-sim/engine/hsm-engine-factory';
import type { Clock } from '../shared/clock';
import { Tokens } from '../shared/injection-tokens';
import type { SimulatorConfig } from './simulator-config';

export const SELF_CHECK_TOKEN = 'self-check';
// SIM: the self-check token's PINs guard nothing but this probe; node tokens get random PINs.
const SELF_CHECK_SO_PIN = 'self-check-so';
const SELF_CHECK_USER_PIN = 'self-check-user';

export interface SelfCheckReport {
  readonly engine: string;
  readonly engineDirectory: string;
  readonly tokens: number;
  readonly roundTripMs: number;
}

@injectable()
export class EngineSelfCheck {
  constructor(
    @inject(Tokens.Config) private readonly config: SimulatorConfig,
    @inject(Tokens.HsmEngineFactory) private readonly openEngine: HsmEngineFactory,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<SelfCheckReport> {
    const started = this.clock.now().getTime();
    const engineDirectory = join(this.config.dataDir, 'engine-self-check');
    const engine = await this.openEngine(engineDirectory);
    try {
      if (!engine.findToken(SELF_CHECK_TOKEN)) {
        await engine.initToken({ label: SELF_CHECK_TOKEN, soPin: SELF_CHECK_SO_PIN, userPin: SELF_CHECK_USER_PIN });
      }
      const session = await engine.openSession(SELF_CHECK_TOKEN);
      await session.login(SELF_CHECK_USER_PIN);
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { encrypt: true, decrypt: true });
      const mechanism = { name: 'AES-GCM', iv: randomBytes(12) } as const;
      const probe = randomBytes(32);
      const opened = await session.decrypt(key, mechanism, await session.encrypt(key, mechanism, probe));
      if (!opened.equals(probe)) throw new Error(`engine ${engine.name} failed an AES-GCM round trip`);
      await session.close();
      return {
        engine: engine.name,
        engineDirectory,
        tokens: engine.listTokens().length,
        roundTripMs: this.clock.now().getTime() - started,
      };
    } finally {
      await engine.close();
    }
  }
}
