// The HSM engine port: the narrow, typed face of a PKCS#11 token store that the simulated HSM nodes use.
// Semantics follow PKCS#11 v2.40 as SoftHSM2 implements it; the in-memory engine copies them, and
// test/contract holds both to the same suite. Every failure is an HsmError with a CKR_* code.

import type {
  DigestAlgorithm,
  EncryptionMechanism,
  KeyAttributes,
  KeyAttributeUpdate,
  KeyHandle,
  KeyObjectOptions,
  KeyPair,
  KeyPairSpec,
  KeyQuery,
  SecretKeyMaterial,
  SecretKeySpec,
  SignatureMechanism,
  UnwrapTemplate,
  WrapMechanism,
} from './hsm-engine.types';

export interface TokenInfo {
  readonly label: string;
  readonly serial: string;
  /** true once the user PIN is set (C_InitPIN). */
  readonly userPinInitialized: boolean;
}

export interface TokenInitialization {
  /** at most 32 characters; unique within the engine. */
  readonly label: string;
  /** Security officer PIN, 4-255 characters. Re-initialising an existing token requires its current SO PIN. */
  readonly soPin: string;
  /** User PIN, 4-255 characters. */
  readonly userPin: string;
}

export interface HsmEngine {
  /** Engine name for logs and benchmark tables, e.g. "softhsm2" or "in-memory". */
  readonly name: string;

  /**
   * Creates the token with this label, or re-initialises it if it exists: its open sessions are closed
   * first (PKCS#11 refuses to initialise a token with sessions), then the current SO PIN is checked
   * (CKR_PIN_INCORRECT) and every object is destroyed.
   */
  initToken(init: TokenInitialization): Promise<TokenInfo>;

  /** Finds an initialised token by label; tokens are never addressed by slot. */
  findToken(label: string): TokenInfo | undefined;

  listTokens(): TokenInfo[];

  /** Opens a read-write session on the token with this label (CKR_TOKEN_NOT_PRESENT if none). */
  openSession(tokenLabel: string): Promise<HsmSession>;

  /** Closes every session and releases the engine. Token objects stay; session objects are gone. */
  close(): Promise<void>;
}

/**
 * One PKCS#11 session. Calls on one session run one at a time, in call order. As in PKCS#11, login state
 * belongs to the token, not the session: after one session logs in, every session of that token is logged
 * in; a second login is CKR_USER_ALREADY_LOGGED_IN; logout logs out all of them. Handles of key objects
 * are invalid while the token is logged out, and may differ after the next login: find keys again.
 * Data inputs (plaintext, ciphertext, data to sign or digest) must not be empty (CKR_ARGUMENTS_BAD).
 */
export interface HsmSession {
  readonly tokenLabel: string;
  readonly isOpen: boolean;

  /** CKR_PIN_INCORRECT on a wrong PIN; CKR_USER_ALREADY_LOGGED_IN when the token is already logged in. */
  login(userPin: string): Promise<void>;
  /** CKR_USER_NOT_LOGGED_IN when the token is not logged in. */
  logout(): Promise<void>;
  /** Changes the user PIN of a logged-in token (C_SetPIN); CKR_PIN_INCORRECT when oldPin is wrong. */
  changePin(oldPin: string, newPin: string): Promise<void>;

  generateKey(spec: SecretKeySpec, options?: KeyObjectOptions): Promise<KeyHandle>;
  /** Creates a secret key from raw bytes (C_CreateObject): local=false; the bytes never come back out. */
  importSecretKey(material: SecretKeyMaterial, options?: KeyObjectOptions): Promise<KeyHandle>;
  generateKeyPair(spec: KeyPairSpec, publicOptions?: KeyObjectOptions, privateOptions?: KeyObjectOptions): Promise<KeyPair>;

  /** Linear search over the token's visible objects (C_FindObjects); keep an index on hot paths. */
  findKeys(query?: KeyQuery): Promise<KeyHandle[]>;
  /** CKR_OBJECT_HANDLE_INVALID for an unknown or destroyed handle. */
  getAttributes(key: KeyHandle): Promise<KeyAttributes>;
  /**
   * Changes label, id or usage flags. CKR_ATTRIBUTE_READ_ONLY for making a key extractable again or
   * non-sensitive again, which PKCS#11 forbids.
   */
  setAttributes(key: KeyHandle, update: KeyAttributeUpdate): Promise<void>;
  /** An RSA or EC public key as DER SubjectPublicKeyInfo; CKR_KEY_TYPE_INCONSISTENT for other objects. */
  getPublicKeySpki(key: KeyHandle): Promise<Buffer>;

  /** AES-GCM: the caller supplies the 12-byte IV; output is ciphertext followed by the tag. */
  encrypt(key: KeyHandle, mechanism: EncryptionMechanism, plaintext: Buffer): Promise<Buffer>;
  /** CKR_ENCRYPTED_DATA_INVALID when the tag does not verify (tampered data, wrong AAD or IV). */
  decrypt(key: KeyHandle, mechanism: EncryptionMechanism, ciphertext: Buffer): Promise<Buffer>;

  /** RSA-PKCS and RSA-PSS sign the message with the named hash; ECDSA returns raw r||s. */
  sign(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer): Promise<Buffer>;
  /** Resolves false for a signature that does not verify (CKR_SIGNATURE_INVALID / _LEN_RANGE). */
  verify(key: KeyHandle, mechanism: SignatureMechanism, data: Buffer, signature: Buffer): Promise<boolean>;

  digest(algorithm: DigestAlgorithm, data: Buffer): Promise<Buffer>;

  /** CKR_KEY_UNEXTRACTABLE when the key to wrap has extractable=false. */
  wrapKey(wrappingKey: KeyHandle, mechanism: WrapMechanism, key: KeyHandle): Promise<Buffer>;
  unwrapKey(unwrappingKey: KeyHandle, mechanism: WrapMechanism, wrapped: Buffer, template: UnwrapTemplate): Promise<KeyHandle>;

  destroyKey(key: KeyHandle): Promise<void>;
  random(length: number): Promise<Buffer>;

  close(): Promise<void>;
}
