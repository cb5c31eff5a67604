// The HsmEngine decorator every node wraps its engine in (DESIGN decision 8, engine seam): while an
// engine fault is active, the chosen session operations fail with a CKR code or take longer. Inactive,
// each call costs one boolean check and a closure. Engine-level calls (initToken, openSession) pass.

import type { HsmEngine, HsmSession, TokenInfo, TokenInitialization } from './hsm-engine.port';
import type {
  DigestAlgorithm,
  EncryptionMechanism,
  KeyAttributeUpdate,
  KeyHandle,
  KeyObjectOptions,
  KeyPairSpec,
  KeyQuery,
  SecretKeyMaterial,
  SecretKeySpec,
  SignatureMechanism,
  UnwrapTemplate,
  WrapMechanism,
} from './hsm-engine.types';
import type { EngineOperation } from './engine-operations';
import type { HsmError } from './hsm-error';

/** What to do to one operation: wait delayMs, then fail with `error` or run it. */
export interface EngineFaultDecision {
  readonly delayMs: number;
  readonly error?: HsmError;
}

/** Decides, per operation, what the active engine faults do (hsm-sim/faults/engine-fault-injector.ts). */
export interface EngineFaultSource {
  readonly active: boolean;
  decide(operation: EngineOperation): EngineFaultDecision;
}

export class FaultInjectingEngine implements HsmEngine {
  constructor(
    private readonly inner: HsmEngine,
    private readonly faults: EngineFaultSource,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  initToken(init: TokenInitialization): Promise<TokenInfo> {
    return this.inner.initToken(init);
  }

  findToken(label: string): TokenInfo | undefined {
    return this.inner.findToken(label);
  }

  listTokens(): TokenInfo[] {
    return this.inner.listTokens();
  }

  async openSession(tokenLabel: string): Promise<HsmSession> {
    return new FaultInjectingSession(await this.inner.openSession(tokenLabel), this.faults);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export class FaultInjectingSession implements HsmSession {
  constructor(
    private readonly inner: HsmSession,
    private readonly faults: EngineFaultSource,
  ) {}

  get tokenLabel(): string {
    return this.inner.tokenLabel;
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  login(userPin: string): Promise<void> {
    return this.run('login', () => this.inner.login(userPin));
  }

  logout(): Promise<void> {
    return this.run('logout', () => this.inner.logout());
  }

  changePin(oldPin: string, newPin: string): Promise<void> {
    return this.run('changePin', () => this.inner.changePin(oldPin, newPin));
  }

  generateKey(spec: SecretKeySpec, options?: KeyObjectOptions): Promise<KeyHandle> {
    return this.run('generateKey', () => this.inner.generateKey(spec, options));
  }

  importSecretKey(material: SecretKeyMaterial, options?: KeyObjectOptions): Promise<KeyHandle> {
    return this.run('importSecretKey', () => this.inner.importSecretKey(material, options));
  }

  generateKeyPair(spec: KeyPairSpec, publicOptions?: KeyObjectOptions, privateOptions?: KeyObjectOptions) {
    return this.run('generateKeyPair', () => this.inner.generateKeyPair(spec, publicOptions, privateOptions));
  }

  findKeys(query?: KeyQuery): Promise<KeyHandle[]> {
    return this.run('findKeys', () => this.inner.findKeys(query));
  }

  getAttributes(key: KeyHandle) {
    return this.run('getAttributes', () => this.inner.getAttributes(key));
  }

  setAttributes(key: KeyHandle, update: KeyAttributeUpdate): Promise<void> {
    return this.run('setAttributes', () => this.inner.setAttributes(key, update));
  }

  getPublicKeySpki(key: KeyHandle): Promise<Buffer> {
    return this.run('getPublicKeySpki', () => this.inner.getPublicKeySpki(key));
  }

  encrypt(key: KeyHandle, mechanism: EncryptionMechanism, plaintext: Buffer): Promise<Buffer> {
    return this.run('encrypt', () => this.inner.encrypt(key, mechanism, plaintext));
  }

  decrypt(key: KeyHandle, mechanism: EncryptionMechanism, ciphertext: Buffer): Promise<Buffer> {
    return this.run('decrypt', () => this.inner.decrypt(key, mechanism, ciphertext));
  }

  sign(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer): Promise<Buffer> {
    return this.run('sign', () => this.inner.sign(key, mechanism, data));
  }

  verify(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer, signature: Buffer): Promise<boolean> {
    return this.run('verify', () => this.inner.verify(key, mechanism, data, signature));
  }

  digest(algorithm: DigestAlgorithm, data: Buffer): Promise<Buffer> {
    return this.run('digest', () => this.inner.digest(algorithm, data));
  }

  wrapKey(wrappingKey: KeyHandle, mechanism: WrapMechanism, key: KeyHandle): Promise<Buffer> {
    return this.run('wrapKey', () => this.inner.wrapKey(wrappingKey, mechanism, key));
  }

  unwrapKey(unwrappingKey: KeyHandle, mechanism: WrapMechanism, wrapped: Buffer, template: UnwrapTemplate): Promise<KeyHandle> {
    return this.run('unwrapKey', () => this.inner.unwrapKey(unwrappingKey, mechanism, wrapped, template));
  }

  destroyKey(key: KeyHandle): Promise<void> {
    return this.run('destroyKey', () => this.inner.destroyKey(key));
  }

  random(length: number): Promise<Buffer> {
    return this.run('random', () => this.inner.random(length));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private run<T>(operation: EngineOperation, call: () => Promise<T>): Promise<T> {
    return this.faults.active ? this.faulty(operation, call) : call();
  }

  /**
   * SIM: the added latency is waited after the operation ran, so one session's operations still reach
   * the engine in call order (the port's contract); the caller sees the same extra time either way.
   */
  private async faulty<T>(operation: EngineOperation, call: () => Promise<T>): Promise<T> {
    const { delayMs, error } = this.faults.decide(operation);
    if (error) {
      if (delayMs > 0) await sleep(delayMs);
      throw error;
    }
    const result = await call();
    if (delayMs > 0) await sleep(delayMs);
    return result;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
