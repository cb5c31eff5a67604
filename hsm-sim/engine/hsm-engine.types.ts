// Value types of the HSM engine port: key specs, attributes, queries and mechanisms.

/** Opaque object handle, valid within the engine instance that returned it. */
export type KeyHandle = number & { readonly __keyHandle: unique symbol };

export const KeyClass = { SECRET: 'SECRET_KEY', PUBLIC: 'PUBLIC_KEY', PRIVATE: 'PRIVATE_KEY' } as const;
export type KeyClass = (typeof KeyClass)[keyof typeof KeyClass];

export const KeyType = { AES: 'AES', GENERIC_SECRET: 'GENERIC_SECRET', RSA: 'RSA', EC: 'EC' } as const;
export type KeyType = (typeof KeyType)[keyof typeof KeyType];

export const EcCurve = { P256: 'P-256', P384: 'P-384' } as const;
export type EcCurve = (typeof EcCurve)[keyof typeof EcCurve];

export type SecretKeySpec =
  | { readonly type: 'AES'; readonly bits: 128 | 192 | 256 }
  /** HMAC-style generic secret, 8 to 2048 bits in whole bytes. */
  | { readonly type: 'GENERIC_SECRET'; readonly bits: number };

/** Raw secret key bytes to import; the length gives the size (AES: 16, 24 or 32 bytes). */
export interface SecretKeyMaterial {
  readonly type: 'AES' | 'GENERIC_SECRET';
  readonly value: Buffer;
}

export type KeyPairSpec =
  | { readonly type: 'RSA'; readonly modulusBits: 2048 | 3072 | 4096; readonly publicExponent?: number }
  | { readonly type: 'EC'; readonly curve: EcCurve };

export interface KeyUsage {
  readonly encrypt?: boolean;
  readonly decrypt?: boolean;
  readonly wrap?: boolean;
  readonly unwrap?: boolean;
  readonly sign?: boolean;
  readonly verify?: boolean;
  readonly derive?: boolean;
}

/** Everything unset is false, except sensitive (true for secret and private keys). */
export interface KeyObjectOptions extends KeyUsage {
  readonly label?: string;
  readonly id?: Buffer;
  /** true: a token object that survives the session and the process; false: a session object. */
  readonly token?: boolean;
  readonly extractable?: boolean;
  readonly sensitive?: boolean;
}

export interface KeyPair {
  readonly publicKey: KeyHandle;
  readonly privateKey: KeyHandle;
}

export interface KeyAttributes extends Required<KeyUsage> {
  readonly handle: KeyHandle;
  readonly class: KeyClass;
  readonly keyType: KeyType;
  readonly label: string;
  readonly id: Buffer;
  readonly token: boolean;
  /** Public keys are always extractable and never sensitive. */
  readonly extractable: boolean;
  readonly sensitive: boolean;
  /** Generated inside the token (CKA_LOCAL). */
  readonly local: boolean;
  readonly alwaysSensitive: boolean;
  readonly neverExtractable: boolean;
  /** Secret keys: length in bytes (CKA_VALUE_LEN). SIM: SoftHSM 2.6.1 does not record it for unwrapped keys. */
  readonly valueLength?: number;
  /** RSA keys. */
  readonly modulusBits?: number;
  /** EC keys. */
  readonly curve?: EcCurve;
}

export type KeyAttributeUpdate = Omit<KeyObjectOptions, 'token'>;

export interface KeyQuery {
  readonly label?: string;
  readonly id?: Buffer;
  readonly class?: KeyClass;
  readonly keyType?: KeyType;
  readonly token?: boolean;
}

export type HashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type DigestAlgorithm = 'SHA-1' | HashAlgorithm;

export interface AesGcmMechanism {
  readonly name: 'AES-GCM';
  /** 12 bytes. */
  readonly iv: Buffer;
  readonly aad?: Buffer;
  /** Defaults to 128; always sent explicitly (SoftHSM emits no tag when it is 0). */
  readonly tagBits?: 96 | 104 | 112 | 120 | 128;
}
export type EncryptionMechanism = AesGcmMechanism;

export type SignatureMechanism =
  | { readonly name: 'RSA-PKCS'; readonly hash: HashAlgorithm }
  /** saltLength defaults to the hash length. */
  | { readonly name: 'RSA-PSS'; readonly hash: HashAlgorithm; readonly saltLength?: number }
  /** The engine hashes, then signs the digest; the signature is raw r||s. */
  | { readonly name: 'ECDSA'; readonly hash: HashAlgorithm };

/** RFC 3394 (key length a multiple of 8 bytes) and RFC 5649 (any length, e.g. PKCS#8 private keys). */
export type WrapMechanism = { readonly name: 'AES-KEY-WRAP' } | { readonly name: 'AES-KEY-WRAP-PAD' };

export type UnwrapTemplate = KeyObjectOptions &
  (
    | { readonly class: typeof KeyClass.SECRET; readonly keyType: typeof KeyType.AES | typeof KeyType.GENERIC_SECRET }
    | { readonly class: typeof KeyClass.PRIVATE; readonly keyType: typeof KeyType.RSA | typeof KeyType.EC }
  );
