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

export function hsmTokenKeyGeneration(hsm: EngineFixture): BenchCase {
  let session: HsmSession;
  const created: KeyHandle[] = [];
  return {
    label: hsm.label,
    async setup() {
      session = await hsm.session();
    },
    run: async () => {
      created.push(await session.generateKey(AES_256, { encrypt: true, decrypt: true, token: true }));
    },
    // softhsm-notes §4: destroying a token object costs more the more objects the token holds; emptying
    // the token after every repetition (untimed) keeps each repetition starting from zero.
    async afterRepetition() {
      for (const key of created.splice(0)) await session.destroyKey(key);
    },
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
