// The key state table for the operations of asymmetric, HMAC and key agreement keys (aws-behaviour 2.15, as
// for Encrypt): Disabled is DisabledException "<arn> is disabled.", PendingDeletion is KMSInvalidStateException
// "<arn> is pending deletion.", over the wire.

import { generateKeyPairSync } from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyPairCommand,
  GenerateDataKeyPairWithoutPlaintextCommand,
  GenerateMacCommand,
  GetPublicKeyCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  VerifyCommand,
  VerifyMacCommand,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { AsymmetricWorld, failure } from './asymmetric-world';

const M = Buffer.from('m');
const PEER = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' });

type Call = (kms: KMSClient, keyId: string) => Promise<unknown>;
const OPERATIONS: [string, KeySpec, KeyUsageType, Call][] = [
  ['Sign', 'ECC_NIST_P256', 'SIGN_VERIFY', (kms, keyId) => kms.send(new SignCommand({ KeyId: keyId, Message: M, SigningAlgorithm: 'ECDSA_SHA_256' }))],
  ['Verify', 'ECC_NIST_P256', 'SIGN_VERIFY', (kms, keyId) => kms.send(new VerifyCommand({ KeyId: keyId, Message: M, Signature: Buffer.alloc(70, 1), SigningAlgorithm: 'ECDSA_SHA_256' }))],
  ['GetPublicKey', 'ECC_NIST_P256', 'SIGN_VERIFY', (kms, keyId) => kms.send(new GetPublicKeyCommand({ KeyId: keyId }))],
  ['GenerateMac', 'HMAC_256', 'GENERATE_VERIFY_MAC', (kms, keyId) => kms.send(new GenerateMacCommand({ KeyId: keyId, Message: M, MacAlgorithm: 'HMAC_SHA_256' }))],
  ['VerifyMac', 'HMAC_256', 'GENERATE_VERIFY_MAC', (kms, keyId) => kms.send(new VerifyMacCommand({ KeyId: keyId, Message: M, Mac: Buffer.alloc(32), MacAlgorithm: 'HMAC_SHA_256' }))],
  ['DeriveSharedSecret', 'ECC_NIST_P256', 'KEY_AGREEMENT', (kms, keyId) => kms.send(new DeriveSharedSecretCommand({ KeyId: keyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: PEER }))],
  ['Encrypt', 'RSA_2048', 'ENCRYPT_DECRYPT', (kms, keyId) => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: M, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))],
  ['Decrypt', 'RSA_2048', 'ENCRYPT_DECRYPT', (kms, keyId) => kms.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.alloc(256, 1), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))],
  ['GenerateDataKeyPair', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', (kms, keyId) => kms.send(new GenerateDataKeyPairCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }))],
  ['GenerateDataKeyPairWithoutPlaintext', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', (kms, keyId) => kms.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }))],
];

describe('Key states of asymmetric, HMAC and key agreement operations, over the wire', function () {
  this.timeout(60_000);
  let world: AsymmetricWorld;

  before(async () => {
    world = await AsymmetricWorld.start();
  });
  after(async () => {
    await world.stop();
  });

  for (const [operation, spec, usage, call] of OPERATIONS) {
    it(`${operation}: DisabledException when Disabled, KMSInvalidStateException when PendingDeletion, works again once enabled`, async () => {
      const { KeyMetadata } = await world.kms.send(new CreateKeyCommand({ KeySpec: spec, ...(spec === 'SYMMETRIC_DEFAULT' ? {} : { KeyUsage: usage }) }));
      const keyId = KeyMetadata!.KeyId!;
      const arn = KeyMetadata!.Arn!;
      await world.kms.send(new DisableKeyCommand({ KeyId: keyId }));
      expect(await failure(call(world.kms, keyId))).to.deep.include({ name: 'DisabledException', message: `${arn} is disabled.` });
      await world.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
      expect(await failure(call(world.kms, keyId))).to.deep.include({ name: 'KMSInvalidStateException', message: `${arn} is pending deletion.` });
      await world.kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
      await world.kms.send(new EnableKeyCommand({ KeyId: keyId }));
      const outcome = await call(world.kms, keyId).then(() => 'ok', (error: Error) => error.name);
      expect(['ok', 'KMSInvalidSignatureException', 'KMSInvalidMacException', 'InvalidCiphertextException']).to.include(outcome);
    });
  }
});
