// Encrypt and Decrypt with an RSA key whose KeyUsage is ENCRYPT_DECRYPT (API_Encrypt, API_Decrypt,
// asymmetric-key-specs): RSAES-OAEP with SHA-1 or SHA-256 (MGF1 with the same hash). The ciphertext is the
// raw RSA output, as on AWS, so Decrypt needs the KeyId and the EncryptionAlgorithm.

import { constants, createPublicKey, privateDecrypt, publicEncrypt } from 'node:crypto';
import { inject, injectable } from 'tsyringe';
import { InvalidCiphertextException, ValidationException } from '../../kms.errors';
import { dryRunSucceeded, missingMember, refuseRecipient } from '../domain/crypto-request.rules';
import type { EncryptionContext } from '../domain/encryption-context';
import { kindOf, requireAlgorithm, requireKeyUsage } from '../domain/key-kind.rules';
import { algorithmsOf, KeyUsage, keySpecRow } from '../domain/key-spec.table';
import type { KmsScope, LiveKeyRecord } from '../domain/kms-key';
import { KeyResolver } from '../key-resolver';
import type { DecryptRequest, DecryptResponse, EncryptionAlgorithm, EncryptRequest, EncryptResponse } from '../kms-key.shapes';
import { KeySpecMaterial } from './key-spec-material';

const OAEP_HASH = { RSAES_OAEP_SHA_1: { name: 'sha1', bytes: 20 }, RSAES_OAEP_SHA_256: { name: 'sha256', bytes: 32 } } as const;
export type OaepAlgorithm = keyof typeof OAEP_HASH;

@injectable()
export class RsaEncryptionService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeySpecMaterial) private readonly material: KeySpecMaterial,
  ) {}

  /** Encrypt with `key`, already found and allowed by its state. */
  encrypt(key: LiveKeyRecord, input: EncryptRequest): EncryptResponse {
    const algorithm = this.checkAlgorithm(key, input.EncryptionAlgorithm, input.EncryptionContext, 'Encrypt');
    if (input.DryRun) throw dryRunSucceeded();
    return { CiphertextBlob: this.encryptRaw(key, algorithm, input.Plaintext), KeyId: key.arn, EncryptionAlgorithm: algorithm };
  }

  /** Decrypt with the key `input.KeyId` names, which is not a symmetric encryption key. */
  decrypt(scope: KmsScope, input: DecryptRequest & { readonly KeyId: string }): DecryptResponse {
    refuseRecipient(input.Recipient);
    const key = this.keys.require(scope, input.KeyId, 'Decrypt');
    const algorithm = this.checkAlgorithm(key, input.EncryptionAlgorithm, input.EncryptionContext, 'Decrypt');
    if (input.DryRun) throw dryRunSucceeded();
    if (input.CiphertextBlob === undefined) throw missingMember('ciphertextBlob');
    return { KeyId: key.arn, Plaintext: this.decryptRaw(key, algorithm, input.CiphertextBlob), EncryptionAlgorithm: algorithm };
  }

  /** The algorithm to use with `key`, once its usage, spec and the request allow it. */
  checkAlgorithm(key: LiveKeyRecord, requested: EncryptionAlgorithm | undefined, context: EncryptionContext | undefined, operation: string): OaepAlgorithm {
    const kind = requireKeyUsage(key, KeyUsage.ENCRYPT_DECRYPT, operation);
    // API_Encrypt EncryptionAlgorithm: "The default is SYMMETRIC_DEFAULT", which no asymmetric key offers.
    const algorithm = requested ?? 'SYMMETRIC_DEFAULT';
    requireAlgorithm(kind, algorithm, algorithmsOf(kind).EncryptionAlgorithms);
    // API_Encrypt EncryptionContext: "An encryption context is supported only on operations with symmetric encryption KMS keys."
    // SIM: the exception (ValidationException) and its message are the simulator's.
    if (context !== undefined && Object.keys(context).length > 0) {
      throw new ValidationException(`EncryptionContext is supported only with symmetric encryption KMS keys, not with ${kind.keySpec} key ${key.arn}.`);
    }
    return algorithm as OaepAlgorithm;
  }

  encryptRaw(key: LiveKeyRecord, algorithm: OaepAlgorithm, plaintext: Buffer): Buffer {
    const hash = OAEP_HASH[algorithm];
    const { keySpec } = kindOf(key);
    // asymmetric-key-specs: the largest plaintext is k - 2*hLen - 2 bytes (RSA_2048: 214 with SHA-1, 190 with SHA-256).
    const limit = keySpecRow(keySpec)!.modulusBits! / 8 - 2 * hash.bytes - 2;
    if (plaintext.length > limit) {
      throw new ValidationException(`Plaintext of ${plaintext.length} bytes is too long for ${algorithm} with a ${keySpec} key: at most ${limit} bytes.`);
    }
    const publicKey = createPublicKey({ key: this.material.publicKey(key), format: 'der', type: 'spki' });
    return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash.name }, plaintext);
  }

  decryptRaw(key: LiveKeyRecord, algorithm: OaepAlgorithm, ciphertext: Buffer): Buffer {
    try {
      return privateDecrypt({ key: this.material.privateKey(key), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: OAEP_HASH[algorithm].name }, ciphertext);
    } catch {
      // API_Decrypt InvalidCiphertextException: "the ciphertext ... are corrupted, missing, or otherwise invalid".
      throw new InvalidCiphertextException('The ciphertext does not decrypt under this RSA key with this EncryptionAlgorithm: pass the KeyId and EncryptionAlgorithm it was encrypted with.');
    }
  }
}
