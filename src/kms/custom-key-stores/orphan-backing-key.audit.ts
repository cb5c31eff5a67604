// After each connect: the backing keys kmsuser owns on each HSM that no KMS key names - a CreateKey whose
// backing key an HSM made but whose KMS key was never stored, because the simulator died in between (the
// client got no answer). aws-behaviour 4.3: such keys are orphans, and AWS names them (the DeleteKey
// event's backingKeys); they are removed by hand (disconnect, set a known kmsuser password, log in as
// kmsuser, delete the key by handle). Each is named in a warning, never silently left.
// SIM: AWS has no visible crash window between the two; the simulator can, and reports what it leaves.

import { inject, injectable } from 'tsyringe';
import { Tokens } from '../../shared/injection-tokens';
import type { Logger } from '../../shared/logger';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { KmsUserSession } from './kmsuser-session';
import type { KnownKeyArns } from './ports/known-key-arns.port';

/** 4.1: a backing key's label is its KMS key's ARN. */
const KEY_ARN = /^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\/[0-9a-f-]{36}$/;
/** A CreateKey running while the keys are listed has its key stored within this; only later misses count. */
const SETTLE_MS = 2_000;

export interface OrphanBackingKey {
  readonly hsmId: string;
  readonly keyHandle: number;
  readonly label: string;
}

@injectable()
export class OrphanBackingKeyAudit {
  constructor(
    @inject(Tokens.Logger) private readonly logger: Logger,
    @inject(CustomKeyStoreTokens.KnownKeyArns) private readonly knownArns: KnownKeyArns,
  ) {}

  /** Lists kmsuser's keys on each HSM and warns about every orphan; never throws. */
  async report(customKeyStoreId: string, sessions: readonly KmsUserSession[], settleMs = SETTLE_MS): Promise<OrphanBackingKey[]> {
    try {
      const listed = await Promise.all(sessions.map(async (session) => ({ hsmId: session.hsmId, keys: await session.listOwnKeys() })));
      const unknown = (): OrphanBackingKey[] => {
        const known = this.knownArns(customKeyStoreId);
        return listed.flatMap(({ hsmId, keys }) =>
          keys.filter((key) => key.label !== undefined && KEY_ARN.test(key.label) && !known.has(key.label)).map((key) => ({ hsmId, keyHandle: key.handle, label: key.label! })),
        );
      };
      if (unknown().length === 0) return [];
      await new Promise((resolve) => setTimeout(resolve, settleMs).unref());
      const orphans = unknown();
      for (const orphan of orphans) {
        this.logger.log('warn', 'orphaned backing key: no KMS key has this ARN (a CreateKey that was never answered); remove it as aws-behaviour 4.3 describes', {
          customKeyStoreId,
          ...orphan,
        });
      }
      return orphans;
    } catch (error) {
      this.logger.log('debug', 'orphaned backing key audit skipped', { customKeyStoreId, error: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }
}
