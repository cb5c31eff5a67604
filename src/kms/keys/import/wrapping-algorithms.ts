// The wrapping algorithms of GetParametersForImport (importing-keys-get-public-key-and-token.html) and how
// ImportKeyMaterial unwraps with each, as a table. RSAES_OAEP_*: the material is RSA-OAEP encrypted under
// the wrapping public key. RSA_AES_KEY_WRAP_*: an ephemeral AES key, RSA-OAEP encrypted under the wrapping
// key, followed by the material wrapped under that AES key with AES key wrap with padding (RFC 5649).

import { constants, createDecipheriv, createPrivateKey, privateDecrypt, type KeyObject } from 'node:crypto';
import { InvalidCiphertextException, UnsupportedOperationException, ValidationException } from '../../kms.errors';

type Unwrap = { readonly kind: 'rsa-oaep' | 'rsa-aes-key-wrap'; readonly hash: 'sha1' | 'sha256' };

const ALGORITHMS: Readonly<Record<string, Unwrap | 'deprecated' | 'china-only'>> = {
  // API_GetParametersForImport: "RSAES_PKCS1_V1_5 (Deprecated) - As of October 10, 2023, AWS KMS does not support the RSAES_PKCS1_V1_5 wrapping algorithm."
  RSAES_PKCS1_V1_5: 'deprecated',
  RSAES_OAEP_SHA_1: { kind: 'rsa-oaep', hash: 'sha1' },
  RSAES_OAEP_SHA_256: { kind: 'rsa-oaep', hash: 'sha256' },
  RSA_AES_KEY_WRAP_SHA_1: { kind: 'rsa-aes-key-wrap', hash: 'sha1' },
  RSA_AES_KEY_WRAP_SHA_256: { kind: 'rsa-aes-key-wrap', hash: 'sha256' },
  // API_GetParametersForImport: "SM2PKE (China Regions only)".
  SM2PKE: 'china-only',
};

/** WrappingKeySpec -> RSA modulus bits; SM2 is China Regions only. */
export const WRAPPING_KEY_BITS: Readonly<Record<string, number>> = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 };

/** RFC 5649 alternative initial value. */
const KWP_IV = Buffer.from('a65959a6', 'hex');
const KWP_CIPHERS: Readonly<Record<number, string>> = { 16: 'id-aes128-wrap-pad', 24: 'id-aes192-wrap-pad', 32: 'id-aes256-wrap-pad' };

/** The modulus bits of the wrapping key to make, once the algorithm and spec are ones this Region serves. */
export function checkWrapping(region: string, algorithm: string, keySpec: string): number {
  const unwrap = ALGORITHMS[algorithm];
  if (unwrap === 'deprecated') {
    throw new ValidationException('WrappingAlgorithm RSAES_PKCS1_V1_5 is deprecated: as of October 10, 2023, AWS KMS does not support it. Use RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256.');
  }
  if (unwrap === 'china-only' || keySpec === 'SM2') {
    // SIM: the China Regions' SM2 wrapping is not simulated; elsewhere AWS does not offer it.
    const where = region.startsWith('cn-') ? 'is not simulated' : `is available in the China Regions only, not in ${region}`;
    throw new UnsupportedOperationException(`SM2 wrapping (WrappingAlgorithm SM2PKE, WrappingKeySpec SM2) ${where}.`);
  }
  const bits = WRAPPING_KEY_BITS[keySpec];
  if (unwrap === undefined || bits === undefined) throw new ValidationException(`WrappingAlgorithm ${algorithm} with WrappingKeySpec ${keySpec} is not a wrapping AWS KMS offers.`);
  return bits;
}

function oaepDecrypt(key: KeyObject, hash: string, data: Buffer): Buffer {
  return privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data);
}

/** The plaintext key material; a wrap that does not open is InvalidCiphertextException. */
export function unwrapKeyMaterial(algorithm: string, privateKeyDer: Buffer, wrapped: Buffer): Buffer {
  const unwrap = ALGORITHMS[algorithm];
  if (typeof unwrap !== 'object') throw new Error(`import parameters name wrapping algorithm ${algorithm}, which GetParametersForImport never hands out`);
  const key = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  try {
    if (unwrap.kind === 'rsa-oaep') return oaepDecrypt(key, unwrap.hash, wrapped);
    const modulusBytes = (key.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
    const aesKey = oaepDecrypt(key, unwrap.hash, wrapped.subarray(0, modulusBytes));
    const cipher = KWP_CIPHERS[aesKey.length];
    if (!cipher) throw new Error(`an AES key of ${aesKey.length} bytes`);
    const decipher = createDecipheriv(cipher, aesKey, KWP_IV);
    return Buffer.concat([decipher.update(wrapped.subarray(modulusBytes)), decipher.final()]);
  } catch {
    throw new InvalidCiphertextException(`The EncryptedKeyMaterial does not unwrap with ${algorithm} under the wrapping key of this import token: wrap it with the PublicKey from the same GetParametersForImport response.`);
  }
}
