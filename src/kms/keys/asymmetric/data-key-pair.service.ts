// GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext (API_GenerateDataKeyPair): a fresh RSA, ECC or
// Ed25519 key pair made here, its PKCS #8 private key encrypted under a symmetric encryption AWS_KMS key in
// the ordinary ciphertext format (so Decrypt returns it), its public key as DER SubjectPublicKeyInfo.

import { inject, injectable } from 'tsyringe';
import { UnsupportedOperationException, ValidationException } from '../../kms.errors';
import { dryRunSucceeded, refuseRecipient } from '../domain/crypto-request.rules';
import { requireSymmetricEncryptionKey } from '../domain/key-kind.rules';
import { CHINA_REGIONS, DATA_KEY_PAIR_SPECS, keySpecRow } from '../domain/key-spec.table';
import { KeyOrigin, keyMaterialIdOf, type KmsScope } from '../domain/kms-key';
import type { KeyOperation } from '../domain/kms-key.states';
import { KeyCipher } from '../key-cipher';
import { KeyResolver } from '../key-resolver';
import type {
  GenerateDataKeyPairRequest,
  GenerateDataKeyPairResponse,
  GenerateDataKeyPairWithoutPlaintextRequest,
  GenerateDataKeyPairWithoutPlaintextResponse,
} from './asymmetric-key.shapes';
import { generateMaterial } from './key-material.generator';

@injectable()
export class DataKeyPairService {
  constructor(
    @inject(KeyResolver) private readonly keys: KeyResolver,
    @inject(KeyCipher) private readonly cipher: KeyCipher,
  ) {}

  async generateDataKeyPair(scope: KmsScope, input: GenerateDataKeyPairRequest): Promise<GenerateDataKeyPairResponse> {
    refuseRecipient(input.Recipient);
    const { pair, response } = await this.generate(scope, input, 'GenerateDataKeyPair');
    return { ...response, PrivateKeyPlaintext: pair };
  }

  async generateDataKeyPairWithoutPlaintext(scope: KmsScope, input: GenerateDataKeyPairWithoutPlaintextRequest): Promise<GenerateDataKeyPairWithoutPlaintextResponse> {
    const { pair, response } = await this.generate(scope, input, 'GenerateDataKeyPairWithoutPlaintext');
    pair.fill(0);
    return response;
  }

  private async generate(
    scope: KmsScope,
    input: GenerateDataKeyPairWithoutPlaintextRequest,
    operation: KeyOperation,
  ): Promise<{ pair: Buffer; response: GenerateDataKeyPairWithoutPlaintextResponse }> {
    const row = keySpecRow(DATA_KEY_PAIR_SPECS[input.KeyPairSpec] ?? '');
    if (row === undefined) throw new ValidationException(`KeyPairSpec ${input.KeyPairSpec} is not a KeyPairSpec KMS offers.`);
    // API_GenerateDataKeyPair KeyPairSpec: "In China Regions, you can also choose an SM2 data key pair."
    if (row.chinaOnly) {
      throw new UnsupportedOperationException(CHINA_REGIONS.has(scope.region) ? `KeyPairSpec ${input.KeyPairSpec} is not simulated: the simulator has no SM2 implementation.` : `KeyPairSpec ${input.KeyPairSpec} is not supported in this Region`);
    }
    const key = this.keys.require(scope, input.KeyId, operation);
    // API_GenerateDataKeyPair: "you must specify a symmetric encryption KMS key ... You cannot use an asymmetric KMS key or a KMS key in a custom key store."
    requireSymmetricEncryptionKey(key, operation);
    if (key.backing.origin === KeyOrigin.AWS_CLOUDHSM) {
      throw new UnsupportedOperationException(`${key.arn} is in custom key store ${key.backing.customKeyStoreId}: ${operation} needs a symmetric encryption key that is not in a custom key store.`);
    }
    if (input.DryRun) throw dryRunSucceeded();
    const { secret, publicKey } = generateMaterial(row);
    const PrivateKeyCiphertextBlob = await this.cipher.encrypt(key, secret, input.EncryptionContext);
    const KeyMaterialId = keyMaterialIdOf(key);
    return {
      pair: secret,
      response: { KeyId: key.arn, KeyPairSpec: input.KeyPairSpec, PrivateKeyCiphertextBlob, PublicKey: publicKey!, ...(KeyMaterialId ? { KeyMaterialId } : {}) },
    };
  }
}
