// Benchmark cases on an HSM engine, through its port. Keys are session objects made in setup, except in
// the row about token keys.

import { randomBytes } from 'node:crypto';
import type { HsmSession } from '../../hsm-sim/engine/hsm-engine.port';
import type { KeyHandle, KeyPair, KeyPairSpec, SecretKeySpec, SignatureMechanism } from '../../hsm-sim/engine/hsm-engine.types';
import type { BenchCase } from './bench-case';
import type { EngineFixture } from './engine-fixture';

const AES_256: SecretKeySpec = { type: 'AES', bits: 256 };
const GCM_IV_BYTES = 12;

export function hsmAesGcmEncrypt(hsm: EngineFixture, plaintext: Buffer, aad: Buffer): BenchCase {
  let session: HsmSession;
  let key: KeyHandle;
  return {
    label: hsm.label,
    async setup() {
      session = await hsm.session();
      key = await session.generateKey(AES_256, { encrypt: true, decrypt: true, token: false });
    },
    run: () => session.encrypt(key, { name: 'AES-GCM', iv: randomBytes(GCM_IV_BYTES), aad }, plaintext),
    async teardown() {
      await session.destroyKey(key);
    },
  };
}

/**
 * The keys stay: destroying token objects one by one costs more the more the token holds (softhsm-notes §4;
 * here ~40 s for one full row), while generating stays flat as the token grows. They go with the scratch
 * folder when the engine closes.
 */
export function hsmTokenKeyGeneration(hsm: EngineFixture): BenchCase {
  let session: HsmSession;
  return {
    label: hsm.label,
    async setup() {
      session = await hsm.session();
    },
    run: () => session.generateKey(AES_256, { encrypt: true, decrypt: true, token: true }),
  };
}

export function hsmSign(hsm: EngineFixture, spec: KeyPairSpec, mechanism: SignatureMechanism, message: Buffer): BenchCase {
  let session: HsmSession;
  let pair: KeyPair;
  return {
    label: hsm.label,
    async setup() {
      session = await hsm.session();
      pair = await session.generateKeyPair(spec, { verify: true, token: false }, { sign: true, token: false });
    },
    run: () => session.sign(pair.privateKey, mechanism, message),
    async teardown() {
      await session.destroyKey(pair.privateKey);
      await session.destroyKey(pair.publicKey);
    },
  };
}
