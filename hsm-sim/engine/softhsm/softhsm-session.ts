// One PKCS#11 session on a SoftHSM token, behind the port. Long operations (key generation, RSA
// signatures, unwrap, large data) use pkcs11js's *Async calls (libuv thread pool) so the event loop keeps
// moving; short ones run inline, because the thread-pool round trip (~50 us, measured by npm run bench)
// costs more than AES-GCM on 4 KiB or an ECDSA signature themselves (~30-80 us). The per-session queue
// keeps *Init and its operation together.

import * as p from 'pkcs11js';
import { checkDataPresent, checkGcmParameters, checkPin, checkSecretKeySpec } from '../engine-limits';
import { Ckr, HsmError, type CkrCode } from '../hsm-error';
import type { HsmSession } from '../hsm-engine.port';
import {
  KeyClass,
  KeyType,
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
import { requireKeyFits, type KeyRole } from '../key-compatibility';
import { SerialQueue } from '../serial-queue';
import { type KeyKindCache } from './key-kind-cache';
import { translatePkcs11Error } from './pkcs11-error-translation';
import { toKeyHandle, toNativeHandle } from './pkcs11-handles';
import { digestMechanisms, encryptionMechanism, signatureMechanism, wrapMechanism } from './pkcs11-mechanisms';
import { classCodes, curveParameters, keyTypeCodes, objectTemplate, queryTemplate, readKeyAttributes, updateTemplate } from './pkcs11-templates';
import { ecSpki, rsaSpki } from './public-key-spki';

const GCM_TAG_ROOM = 32;
const MAX_SIGNATURE_BYTES = 1024;
const MAX_WRAPPED_KEY_BYTES = 8192;
const MAX_DIGEST_BYTES = 64;
const FIND_BATCH = 256;
/** Data up to this size is encrypted, decrypted or digested inline (AES-GCM: ~0.4 ms at 64 KiB). */
const INLINE_DATA_LIMIT = 64 * 1024;
// PKCS#11 session states (pkcs11js does not export the CKS_* names).
const CKS_RO_USER_FUNCTIONS = 1;
const CKS_RW_USER_FUNCTIONS = 3;

/** SIM: SoftHSM 2.6.1 answers some failures with CKR_GENERAL_ERROR where PKCS#11 names a specific code. */
const softHsmGeneralErrorMeans: Partial<Record<string, CkrCode>> = {
  C_Decrypt: Ckr.ENCRYPTED_DATA_INVALID,
  C_UnwrapKey: Ckr.WRAPPED_KEY_INVALID,
};

export class SoftHsmSession implements HsmSession {
  private readonly queue = new SerialQueue();
  private open = true;

  constructor(
    private readonly pkcs11: p.PKCS11,
    private readonly handle: Buffer,
    readonly tokenLabel: string,
    private readonly kinds: KeyKindCache,
    private readonly onClose: (session: SoftHsmSession) => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  login(userPin: string): Promise<void> {
    return this.call('C_Login', () => this.pkcs11.C_Login(this.handle, p.CKU_USER, userPin));
  }

  logout(): Promise<void> {
    return this.call('C_Logout', () => {
      // SIM: SoftHSM 2.6.1 answers CKR_OK to a logout when nobody is logged in; PKCS#11 names this error.
      this.requireLogin('C_Logout');
      this.pkcs11.C_Logout(this.handle);
    });
  }

  changePin(oldPin: string, newPin: string): Promise<void> {
    return this.call('C_SetPIN', () => {
      checkPin(newPin, 'C_SetPIN');
      this.requireLogin('C_SetPIN');
      this.pkcs11.C_SetPIN(this.handle, oldPin, newPin);
    });
  }

  generateKey(spec: SecretKeySpec, options: KeyObjectOptions = {}): Promise<KeyHandle> {
    return this.call('C_GenerateKey', async () => {
      checkSecretKeySpec(spec, 'C_GenerateKey');
      const aes = spec.type === KeyType.AES;
      const template = [
        { type: p.CKA_CLASS, value: p.CKO_SECRET_KEY },
        { type: p.CKA_KEY_TYPE, value: aes ? p.CKK_AES : p.CKK_GENERIC_SECRET },
        { type: p.CKA_VALUE_LEN, value: spec.bits / 8 },
        ...objectTemplate(KeyClass.SECRET, options),
      ];
      const mechanism = { mechanism: aes ? p.CKM_AES_KEY_GEN : p.CKM_GENERIC_SECRET_KEY_GEN };
      const key = toKeyHandle(await this.pkcs11.C_GenerateKeyAsync(this.handle, mechanism, template));
      this.kinds.remember(key, { class: KeyClass.SECRET, keyType: spec.type });
      return key;
    });
  }

  importSecretKey(material: SecretKeyMaterial, options: KeyObjectOptions = {}): Promise<KeyHandle> {
    return this.call('C_CreateObject', () => {
      checkSecretKeySpec({ type: material.type, bits: material.value.length * 8 } as SecretKeySpec, 'C_CreateObject');
      const template = [
        { type: p.CKA_CLASS, value: p.CKO_SECRET_KEY },
        { type: p.CKA_KEY_TYPE, value: keyTypeCodes[material.type] },
        { type: p.CKA_VALUE, value: material.value },
        ...objectTemplate(KeyClass.SECRET, options),
      ];
      const key = toKeyHandle(this.pkcs11.C_CreateObject(this.handle, template));
      this.kinds.remember(key, { class: KeyClass.SECRET, keyType: material.type });
      return key;
    });
  }

  generateKeyPair(spec: KeyPairSpec, publicOptions: KeyObjectOptions = {}, privateOptions: KeyObjectOptions = {}): Promise<KeyPair> {
    return this.call('C_GenerateKeyPair', async () => {
      const rsa = spec.type === KeyType.RSA;
      const publicTemplate = [
        ...(rsa
          ? [
              { type: p.CKA_MODULUS_BITS, value: spec.modulusBits },
              { type: p.CKA_PUBLIC_EXPONENT, value: exponentBytes(spec.publicExponent ?? 65537) },
            ]
          : [{ type: p.CKA_EC_PARAMS, value: curveParameters[spec.curve] }]),
        ...objectTemplate(KeyClass.PUBLIC, publicOptions),
      ];
      const privateTemplate = objectTemplate(KeyClass.PRIVATE, privateOptions);
      const mechanism = { mechanism: rsa ? p.CKM_RSA_PKCS_KEY_PAIR_GEN : p.CKM_EC_KEY_PAIR_GEN };
      const pair = await this.pkcs11.C_GenerateKeyPairAsync(this.handle, mechanism, publicTemplate, privateTemplate);
      const keys = { publicKey: toKeyHandle(pair.publicKey), privateKey: toKeyHandle(pair.privateKey) };
      this.kinds.remember(keys.publicKey, { class: KeyClass.PUBLIC, keyType: spec.type });
      this.kinds.remember(keys.privateKey, { class: KeyClass.PRIVATE, keyType: spec.type });
      return keys;
    });
  }

  findKeys(query: KeyQuery = {}): Promise<KeyHandle[]> {
    return this.call('C_FindObjects', () => {
      const found: KeyHandle[] = [];
      this.pkcs11.C_FindObjectsInit(this.handle, queryTemplate(query));
      try {
        for (;;) {
          const batch = this.pkcs11.C_FindObjects(this.handle, FIND_BATCH);
          found.push(...batch.map(toKeyHandle));
          if (batch.length < FIND_BATCH) break;
        }
      } finally {
        this.pkcs11.C_FindObjectsFinal(this.handle);
      }
      return found;
    });
  }

  getAttributes(key: KeyHandle): Promise<KeyAttributes> {
    return this.call('C_GetAttributeValue', () => readKeyAttributes(key, (types) => this.readAttributes(key, types)));
  }

  setAttributes(key: KeyHandle, update: KeyAttributeUpdate): Promise<void> {
    return this.call('C_SetAttributeValue', () => {
      const keyClass = readKeyAttributes(key, (types) => this.readAttributes(key, types)).class;
      const template = updateTemplate(keyClass, update);
      if (template.length > 0) this.pkcs11.C_SetAttributeValue(this.handle, toNativeHandle(key), template);
    });
  }

  getPublicKeySpki(key: KeyHandle): Promise<Buffer> {
    return this.call('C_GetAttributeValue', () => {
      const head = this.readAttributes(key, [p.CKA_CLASS, p.CKA_KEY_TYPE]);
      const keyClass = head.get(p.CKA_CLASS)?.readUInt32LE(0);
      const keyType = head.get(p.CKA_KEY_TYPE)?.readUInt32LE(0);
      if (keyClass !== classCodes[KeyClass.PUBLIC]) {
        throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, 'C_GetAttributeValue', 'not a public key');
      }
      if (keyType === keyTypeCodes[KeyType.RSA]) {
        const values = this.readAttributes(key, [p.CKA_MODULUS, p.CKA_PUBLIC_EXPONENT]);
        return rsaSpki(values.get(p.CKA_MODULUS) ?? Buffer.alloc(0), values.get(p.CKA_PUBLIC_EXPONENT) ?? Buffer.alloc(0));
      }
      const attributes = readKeyAttributes(key, (types) => this.readAttributes(key, types));
      const point = this.readAttributes(key, [p.CKA_EC_POINT]).get(p.CKA_EC_POINT) ?? Buffer.alloc(0);
      if (!attributes.curve) throw new HsmError(Ckr.KEY_TYPE_INCONSISTENT, 'C_GetAttributeValue', 'unknown curve');
      return ecSpki(attributes.curve, point);
    });
  }

  encrypt(key: KeyHandle, mechanism: EncryptionMechanism, plaintext: Buffer): Promise<Buffer> {
    return this.call('C_Encrypt', () => {
      checkGcmParameters(mechanism, 'C_Encrypt');
      checkDataPresent(plaintext, 'C_Encrypt');
      this.requireFits('encrypt', key, 'C_Encrypt', mechanism);
      this.pkcs11.C_EncryptInit(this.handle, encryptionMechanism(mechanism), toNativeHandle(key));
      const output = Buffer.alloc(plaintext.length + GCM_TAG_ROOM);
      return plaintext.length <= INLINE_DATA_LIMIT
        ? this.pkcs11.C_Encrypt(this.handle, plaintext, output)
        : this.pkcs11.C_EncryptAsync(this.handle, plaintext, output);
    });
  }

  decrypt(key: KeyHandle, mechanism: EncryptionMechanism, ciphertext: Buffer): Promise<Buffer> {
    return this.call('C_Decrypt', () => {
      checkGcmParameters(mechanism, 'C_Decrypt');
      checkDataPresent(ciphertext, 'C_Decrypt');
      this.requireFits('decrypt', key, 'C_Decrypt', mechanism);
      this.pkcs11.C_DecryptInit(this.handle, encryptionMechanism(mechanism), toNativeHandle(key));
      const output = Buffer.alloc(ciphertext.length);
      return ciphertext.length <= INLINE_DATA_LIMIT
        ? this.pkcs11.C_Decrypt(this.handle, ciphertext, output)
        : this.pkcs11.C_DecryptAsync(this.handle, ciphertext, output);
    });
  }

  sign(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer): Promise<Buffer> {
    return this.call('C_Sign', () => {
      this.requireFits('sign', key, 'C_Sign', mechanism);
      checkDataPresent(data, 'C_Sign');
      const { mechanism: native, input } = signatureMechanism(mechanism, data);
      this.pkcs11.C_SignInit(this.handle, native, toNativeHandle(key));
      const output = Buffer.alloc(MAX_SIGNATURE_BYTES);
      // An RSA private-key operation takes ~0.6 ms (2048) to ~10 ms (4096): off the event loop.
      return mechanism.name === 'ECDSA'
        ? this.pkcs11.C_Sign(this.handle, input, output)
        : this.pkcs11.C_SignAsync(this.handle, input, output);
    });
  }

  verify(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer, signature: Buffer): Promise<boolean> {
    return this.call('C_Verify', () => {
      this.requireFits('verify', key, 'C_Verify', mechanism);
      checkDataPresent(data, 'C_Verify');
      const { mechanism: native, input } = signatureMechanism(mechanism, data);
      this.pkcs11.C_VerifyInit(this.handle, native, toNativeHandle(key));
      try {
        // Public-key operations are short (RSA-2048 verify ~35 us): inline.
        return this.pkcs11.C_Verify(this.handle, input, signature);
      } catch (error) {
        if (error instanceof p.Pkcs11Error && (error.code === p.CKR_SIGNATURE_INVALID || error.code === p.CKR_SIGNATURE_LEN_RANGE)) {
          return false;
        }
        throw error;
      }
    });
  }

  digest(algorithm: DigestAlgorithm, data: Buffer): Promise<Buffer> {
    return this.call('C_Digest', () => {
      checkDataPresent(data, 'C_Digest');
      this.pkcs11.C_DigestInit(this.handle, { mechanism: digestMechanisms[algorithm] });
      const output = Buffer.alloc(MAX_DIGEST_BYTES);
      return data.length <= INLINE_DATA_LIMIT
        ? this.pkcs11.C_Digest(this.handle, data, output)
        : this.pkcs11.C_DigestAsync(this.handle, data, output);
    });
  }

  wrapKey(wrappingKey: KeyHandle, mechanism: WrapMechanism, key: KeyHandle): Promise<Buffer> {
    return this.call('C_WrapKey', () => {
      this.requireFits('wrap', wrappingKey, 'C_WrapKey');
      // Wrapping reads the key and runs AES over at most a few KiB: inline.
      return this.pkcs11.C_WrapKey(
        this.handle,
        wrapMechanism(mechanism),
        toNativeHandle(wrappingKey),
        toNativeHandle(key),
        Buffer.alloc(MAX_WRAPPED_KEY_BYTES),
      );
    });
  }

  unwrapKey(unwrappingKey: KeyHandle, mechanism: WrapMechanism, wrapped: Buffer, template: UnwrapTemplate): Promise<KeyHandle> {
    return this.call('C_UnwrapKey', async () => {
      this.requireFits('unwrap', unwrappingKey, 'C_UnwrapKey');
      const native = [
        { type: p.CKA_CLASS, value: classCodes[template.class] },
        { type: p.CKA_KEY_TYPE, value: keyTypeCodes[template.keyType] },
        ...objectTemplate(template.class, template),
      ];
      const key = toKeyHandle(
        await this.pkcs11.C_UnwrapKeyAsync(this.handle, wrapMechanism(mechanism), toNativeHandle(unwrappingKey), wrapped, native),
      );
      this.kinds.remember(key, { class: template.class, keyType: template.keyType });
      return key;
    });
  }

  destroyKey(key: KeyHandle): Promise<void> {
    return this.call('C_DestroyObject', () => {
      this.pkcs11.C_DestroyObject(this.handle, toNativeHandle(key));
      this.kinds.forget(key);
    });
  }

  random(length: number): Promise<Buffer> {
    return this.call('C_GenerateRandom', () => this.pkcs11.C_GenerateRandom(this.handle, Buffer.alloc(length)));
  }

  close(): Promise<void> {
    return this.queue.run(() => {
      if (!this.open) return;
      this.markClosed();
      try {
        this.pkcs11.C_CloseSession(this.handle);
      } catch (error) {
        throw translatePkcs11Error(error, 'C_CloseSession');
      }
    });
  }

  /** The engine closed this session underneath (token re-initialised, engine closed). */
  markClosed(): void {
    if (!this.open) return;
    this.open = false;
    this.onClose(this);
  }

  private call<T>(operation: string, task: () => Promise<T> | T): Promise<T> {
    return this.queue.run(async () => {
      if (!this.open) throw new HsmError(Ckr.SESSION_HANDLE_INVALID, operation, 'session is closed');
      try {
        return await task();
      } catch (error) {
        const translated = translatePkcs11Error(error, operation);
        const meant = softHsmGeneralErrorMeans[operation];
        if (meant && translated instanceof HsmError && translated.code === Ckr.GENERAL_ERROR) {
          throw new HsmError(meant, operation);
        }
        throw translated;
      }
    });
  }

  private requireLogin(operation: string): void {
    const state = this.pkcs11.C_GetSessionInfo(this.handle).state;
    if (state !== CKS_RW_USER_FUNCTIONS && state !== CKS_RO_USER_FUNCTIONS) {
      throw new HsmError(Ckr.USER_NOT_LOGGED_IN, operation);
    }
  }

  private requireFits(role: KeyRole, key: KeyHandle, operation: string, mechanism?: EncryptionMechanism | SignatureMechanism): void {
    requireKeyFits(role, this.kinds.kindOf(key, (types) => this.readAttributes(key, types)), operation, mechanism);
  }

  private readAttributes(key: KeyHandle, types: number[]): Map<number, Buffer> {
    const values = this.pkcs11.C_GetAttributeValue(this.handle, toNativeHandle(key), types.map((type) => ({ type })));
    return new Map(values.map((attribute) => [attribute.type, attribute.value as Buffer]));
  }
}

function exponentBytes(exponent: number): Buffer {
  const hex = exponent.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}
