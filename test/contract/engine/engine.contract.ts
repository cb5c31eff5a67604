// The HSM engine contract: one suite that every engine passes (SoftHSM2 and in-memory).

import { cryptoOperationsContract } from './crypto-operations.contract';
import type { EngineFixture } from './engine-fixture';
import { keyObjectsContract } from './key-objects.contract';
import { keyWrappingContract } from './key-wrapping.contract';
import { persistenceContract } from './persistence.contract';
import { scaleContract } from './scale.contract';
import { tokensAndSessionsContract } from './tokens-and-sessions.contract';

export function engineContract(fixture: EngineFixture): void {
  describe(`HSM engine contract: ${fixture.name}`, () => {
    tokensAndSessionsContract(fixture);
    keyObjectsContract(fixture);
    cryptoOperationsContract(fixture);
    keyWrappingContract(fixture);
    persistenceContract(fixture);
    scaleContract(fixture);
  });
}
