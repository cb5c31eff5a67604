import { createHash, randomBytes } from 'node:crypto';
import { checkDataPresent, checkGcmParameters } from '../engine-limits';
import type { HsmSession } from '../hsm-engine.port';
import {
  KeyClass,
  type DigestAlgorithm,
  type EncryptionMechanism,
  type KeyAttributes,
  type KeyAttributeUpdate,
  type KeyHandle,
  type KeyObjectOptions,
  type KeyPair,
  type KeyPairSpec,
  type KeyQuery,
  type SecretKeyMaterial,
  type SecretKeySpec,
  type SignatureMechanism,
  type UnwrapTemplate,
  type WrapMechanism,
} from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { requireKeyFits, type KeyRole } from '../key-compatibility';
import { SerialQueue } from '../serial-queue';
import { gcmDecrypt, gcmEncrypt } from './aes-gcm.mechanism';
import { requireWrappedLength, unwrapBytes, wrapAlgorithm, wrapBytes } from './aes-key-wrap.mechanism';
import { digestHash } from './hash-algorithms';
import type { InMemoryKey } from './in-memory-key';
import type { InMemorySlot } from './in-memory-slot';
import { generateKeyPairMaterial, generateSecretMaterial, importSecretMaterial } from './key-generation';
import { importUnwrapped } from './key-import';
import { publicKeySpki, wrappableBytes } from './key-material';
import { signWith, verifyWith } from './signature.mechanism';

export class InMemorySession implements HsmSession {
  private open = true;
  private readonly queue = new SerialQueue();

  constructor(private readonly slot: InMemorySlot) {}

  get tokenLabel(): string {
    return this.slot.token.label;
  }

  get isOpen(): boolean {
    return this.open;
  }

  login(userPin: string): Promise<void> {
    return this.call('C_Login', (op) => this.slot.login(userPin, op));
  }

  logout(): Promise<void> {
    return this.call('C_Logout', (op) => this.slot.logout(op));
  }

  changePin(oldPin: string, newPin: string): Promise<void> {
    return this.call('C_SetPIN', (op) => this.slot.changePin(oldPin, newPin, op));
  }

  generateKey(spec: SecretKeySpec, options: KeyObjectOptions = {}): Promise<KeyHandle> {
    return this.call('C_GenerateKey', (op) => {
      const material = generateSecretMaterial(spec, op);
      this.slot.requireLoggedIn(op);
      return this.slot.add(material, options, 'generated', this);
    });
  }

  importSecretKey(material: SecretKeyMaterial, options: KeyObjectOptions = {}): Promise<KeyHandle> {
    return this.call('C_CreateObject', (op) => {
      const imported = importSecretMaterial(material, op);
      this.slot.requireLoggedIn(op);
      return this.slot.add(imported, options, 'imported', this);
    });
  }

  generateKeyPair(
    spec: KeyPairSpec,
    publicOptions: KeyObjectOptions = {},
    privateOptions: KeyObjectOptions = {},
  ): Promise<KeyPair> {
    return this.call('C_GenerateKeyPair', async (op) => {
      this.slot.requireLoggedIn(op);
      const pair = await generateKeyPairMaterial(spec, op);
      if (!this.open) throw new HsmError(Ckr.SESSION_CLOSED, op);
      this.slot.requireLoggedIn(op);
      return {
        publicKey: this.slot.add(pair.publicKey, publicOptions, 'generated', this),
        privateKey: this.slot.add(pair.privateKey, privateOptions, 'generated', this),
      };
    });
  }

  findKeys(query: KeyQuery = {}): Promise<KeyHandle[]> {
    return this.call('C_FindObjects', () => this.slot.find(query));
  }

  getAttributes(key: KeyHandle): Promise<KeyAttributes> {
    return this.call('C_GetAttributeValue', (op) => this.slot.resolve(key, op).attributes(key));
  }

  setAttributes(key: KeyHandle, update: KeyAttributeUpdate): Promise<void> {
    return this.call('C_SetAttributeValue', (op) => this.slot.resolve(key, op).update(update, op));
  }

  getPublicKeySpki(key: KeyHandle): Promise<Buffer> {
    return this.call('C_GetAttributeValue', (op) => publicKeySpki(this.slot.resolve(key, op).material, op));
  }

  encrypt(key: KeyHandle, mechanism: EncryptionMechanism, plaintext: Buffer): Promise<Buffer> {
    return this.call('C_Encrypt', (op) => {
      checkGcmParameters(mechanism, op);
      checkDataPresent(plaintext, op);
      return gcmEncrypt(this.usableKey(key, 'encrypt', op, mechanism).material.key, mechanism, plaintext, op);
    });
  }

  decrypt(key: KeyHandle, mechanism: EncryptionMechanism, ciphertext: Buffer): Promise<Buffer> {
    return this.call('C_Decrypt', (op) => {
      checkGcmParameters(mechanism, op);
      checkDataPresent(ciphertext, op);
      return gcmDecrypt(this.usableKey(key, 'decrypt', op, mechanism).material.key, mechanism, ciphertext, op);
    });
  }

  sign(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer): Promise<Buffer> {
    return this.call('C_Sign', (op) => {
      const privateKey = this.usableKey(key, 'sign', op, mechanism).material.key;
      checkDataPresent(data, op);
      return signWith(privateKey, mechanism, data, op);
    });
  }

  verify(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer, signature: Buffer): Promise<boolean> {
    return this.call('C_Verify', (op) => {
      const publicKey = this.usableKey(key, 'verify', op, mechanism).material.key;
      checkDataPresent(data, op);
      return verifyWith(publicKey, mechanism, data, signature, op);
    });
  }

  digest(algorithm: DigestAlgorithm, data: Buffer): Promise<Buffer> {
    return this.call('C_Digest', (op) => {
      checkDataPresent(data, op);
      return createHash(digestHash(algorithm, op).nodeName).update(data).digest();
    });
  }

  wrapKey(wrappingKey: KeyHandle, mechanism: WrapMechanism, key: KeyHandle): Promise<Buffer> {
    return this.call('C_WrapKey', (op) => {
      wrapAlgorithm(mechanism, op);
      const kek = this.usableKey(wrappingKey, 'wrap', op).material.key;
      const target = this.slot.resolve(key, op);
      if (!target.isExtractable) throw new HsmError(Ckr.KEY_UNEXTRACTABLE, op);
      const keyBytes = wrappableBytes(target.material, op);
      if (mechanism.name === 'AES-KEY-WRAP' && target.material.class !== KeyClass.SECRET) {
        throw new HsmError(Ckr.KEY_SIZE_RANGE, op, 'AES-KEY-WRAP wraps secret keys; private keys need AES-KEY-WRAP-PAD');
      }
      return wrapBytes(kek, mechanism, keyBytes, op);
    });
  }

  unwrapKey(unwrappingKey: KeyHandle, mechanism: WrapMechanism, wrapped: Buffer, template: UnwrapTemplate): Promise<KeyHandle> {
    return this.call('C_UnwrapKey', (op) => {
      this.slot.requireLoggedIn(op);
      requireWrappedLength(mechanism, wrapped, op);
      const kek = this.usableKey(unwrappingKey, 'unwrap', op).material.key;
      const material = importUnwrapped(template, unwrapBytes(kek, mechanism, wrapped, op), op);
      return this.slot.add(material, template, 'unwrapped', this);
    });
  }

  destroyKey(key: KeyHandle): Promise<void> {
    return this.call('C_DestroyObject', (op) => this.slot.destroy(this.slot.resolve(key, op)));
  }

  random(length: number): Promise<Buffer> {
    return this.call('C_GenerateRandom', (op) => {
      if (!Number.isSafeInteger(length) || length < 0) throw new HsmError(Ckr.ARGUMENTS_BAD, op, `length ${length}`);
      return randomBytes(length);
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => this.terminate());
  }

  /** Closes the session at once, queued calls included: the engine closed it, or its token was re-initialised. */
  terminate(): void {
    if (!this.open) return;
    this.open = false;
    this.slot.detach(this);
  }

  /** As SoftHSM: the key must fit the mechanism before its usage flag is looked at. */
  private usableKey(
    handle: KeyHandle,
    role: KeyRole,
    operation: string,
    mechanism?: EncryptionMechanism | SignatureMechanism,
  ): InMemoryKey {
    const key = this.slot.resolve(handle, operation);
    requireKeyFits(role, key.material, operation, mechanism);
    key.requireUsage(role, operation);
    return key;
  }

  private call<T>(operation: string, work: (operation: string) => T | Promise<T>): Promise<T> {
    return this.queue.run(() => {
      if (!this.open) throw new HsmError(Ckr.SESSION_HANDLE_INVALID, operation, 'session is closed');
      return work(operation);
    });
  }
}
