// Every KeySpec AWS KMS offers, as one table: which KeyUsage each allows and the algorithms KeyMetadata
// lists for each pair (symm-asymm-choose-key-spec, hmac, asymmetric-key-specs), the material's family
// and its sizes. Also the key pairs GenerateDataKeyPair makes (DataKeyPairSpec).

export const KeyUsage = {
  ENCRYPT_DECRYPT: 'ENCRYPT_DECRYPT',
  SIGN_VERIFY: 'SIGN_VERIFY',
  GENERATE_VERIFY_MAC: 'GENERATE_VERIFY_MAC',
  KEY_AGREEMENT: 'KEY_AGREEMENT',
} as const;
export type KeyUsage = (typeof KeyUsage)[keyof typeof KeyUsage];

/** What KeyMetadata and GetPublicKey list for one KeySpec x KeyUsage (only the members AWS fills). */
export interface UsageAlgorithms {
  readonly EncryptionAlgorithms?: readonly string[];
  readonly SigningAlgorithms?: readonly string[];
  readonly MacAlgorithms?: readonly string[];
  readonly KeyAgreementAlgorithms?: readonly string[];
}

export type KeyFamily = 'symmetric' | 'rsa' | 'ec' | 'ed25519' | 'ml-dsa' | 'hmac' | 'sm2';

export interface KeySpecRow {
  readonly family: KeyFamily;
  readonly usages: Readonly<Partial<Record<KeyUsage, UsageAlgorithms>>>;
  /** RSA modulus bits. */
  readonly modulusBits?: number;
  /** node:crypto's curve name for EC keys. */
  readonly namedCurve?: string;
  /** HMAC key length in bytes (hmac: "HMAC_224 ... 224 bits"). */
  readonly secretBytes?: number;
  /** ML-DSA parameter set. */
  readonly mlDsa?: 'ml_dsa44' | 'ml_dsa65' | 'ml_dsa87';
  /** KeyMetadata.CustomerMasterKeySpec exists only for the specs its (deprecated) enum lists. */
  readonly customerMasterKeySpec: boolean;
  /** SM2 is offered in the China Regions only. */
  readonly chinaOnly?: boolean;
}

// asymmetric-key-specs: the order KeyMetadata lists them in.
const RSA_SIGNING = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
] as const;
const RSA_ENCRYPTION = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] as const;
const ECDH = ['ECDH'] as const;

function rsa(modulusBits: number): KeySpecRow {
  return { family: 'rsa', modulusBits, customerMasterKeySpec: true, usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: RSA_ENCRYPTION }, SIGN_VERIFY: { SigningAlgorithms: RSA_SIGNING } } };
}
function ec(namedCurve: string, signing: string, agreement: boolean): KeySpecRow {
  const usages = agreement ? { SIGN_VERIFY: { SigningAlgorithms: [signing] }, KEY_AGREEMENT: { KeyAgreementAlgorithms: ECDH } } : { SIGN_VERIFY: { SigningAlgorithms: [signing] } };
  return { family: 'ec', namedCurve, customerMasterKeySpec: true, usages };
}
function hmac(bits: number): KeySpecRow {
  return { family: 'hmac', secretBytes: bits / 8, customerMasterKeySpec: true, usages: { GENERATE_VERIFY_MAC: { MacAlgorithms: [`HMAC_SHA_${bits}`] } } };
}
function mlDsa(set: 'ml_dsa44' | 'ml_dsa65' | 'ml_dsa87'): KeySpecRow {
  return { family: 'ml-dsa', mlDsa: set, customerMasterKeySpec: false, usages: { SIGN_VERIFY: { SigningAlgorithms: ['ML_DSA_SHAKE_256'] } } };
}

export const KEY_SPECS = {
  SYMMETRIC_DEFAULT: { family: 'symmetric', customerMasterKeySpec: true, usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } } },
  RSA_2048: rsa(2048),
  RSA_3072: rsa(3072),
  RSA_4096: rsa(4096),
  // asymmetric-key-specs: KEY_AGREEMENT is offered on the NIST curves (and SM2), not on secp256k1.
  ECC_NIST_P256: ec('prime256v1', 'ECDSA_SHA_256', true),
  ECC_NIST_P384: ec('secp384r1', 'ECDSA_SHA_384', true),
  ECC_NIST_P521: ec('secp521r1', 'ECDSA_SHA_512', true),
  ECC_SECG_P256K1: ec('secp256k1', 'ECDSA_SHA_256', false),
  ECC_NIST_EDWARDS25519: { family: 'ed25519', customerMasterKeySpec: false, usages: { SIGN_VERIFY: { SigningAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] } } },
  HMAC_224: hmac(224),
  HMAC_256: hmac(256),
  HMAC_384: hmac(384),
  HMAC_512: hmac(512),
  ML_DSA_44: mlDsa('ml_dsa44'),
  ML_DSA_65: mlDsa('ml_dsa65'),
  ML_DSA_87: mlDsa('ml_dsa87'),
  SM2: { family: 'sm2', customerMasterKeySpec: true, chinaOnly: true, usages: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ['SM2PKE'] }, SIGN_VERIFY: { SigningAlgorithms: ['SM2DSA'] }, KEY_AGREEMENT: { KeyAgreementAlgorithms: ECDH } } },
} as const satisfies Record<string, KeySpecRow>;
export type KeySpec = keyof typeof KEY_SPECS;

export function keySpecRow(keySpec: string): KeySpecRow | undefined {
  return Object.hasOwn(KEY_SPECS, keySpec) ? (KEY_SPECS as Record<string, KeySpecRow>)[keySpec] : undefined;
}

/** The Regions that offer SM2 (asymmetric-key-specs: "China Regions only"). */
export const CHINA_REGIONS: ReadonlySet<string> = new Set(['cn-north-1', 'cn-northwest-1']);

/** A key's kind: what CreateKey asked for. Records without one are SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT. */
export interface KeyKind {
  readonly keySpec: string;
  readonly keyUsage: KeyUsage;
}
export const SYMMETRIC_KIND: KeyKind = { keySpec: 'SYMMETRIC_DEFAULT', keyUsage: KeyUsage.ENCRYPT_DECRYPT };

/** The algorithms KeyMetadata lists for `kind`. */
export function algorithmsOf(kind: KeyKind): UsageAlgorithms {
  return keySpecRow(kind.keySpec)?.usages[kind.keyUsage] ?? {};
}

/** GenerateDataKeyPair's KeyPairSpec values and the KeySpec whose material each matches. */
export const DATA_KEY_PAIR_SPECS: Readonly<Record<string, KeySpec>> = {
  RSA_2048: 'RSA_2048',
  RSA_3072: 'RSA_3072',
  RSA_4096: 'RSA_4096',
  ECC_NIST_P256: 'ECC_NIST_P256',
  ECC_NIST_P384: 'ECC_NIST_P384',
  ECC_NIST_P521: 'ECC_NIST_P521',
  ECC_SECG_P256K1: 'ECC_SECG_P256K1',
  ECC_NIST_EDWARDS25519: 'ECC_NIST_EDWARDS25519',
  SM2: 'SM2',
};
