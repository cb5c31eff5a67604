// The material of HMAC and asymmetric keys as the database holds it: sealed under the master key (the secret's
// bytes appear nowhere in the database file), and, once opened with that master key, the very key the
// operations use: GenerateMac equals createHmac, DeriveSharedSecret and Sign match the private key.

import { createHmac, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AesGcmKeyMaterialVault } from '../../../../src/kms/keys/aes-gcm-key-material.vault';
import { SqliteKeySpecMaterialRepository } from '../../../../src/kms/keys/asymmetric/sqlite-key-spec-material.repository';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';
import { createKmsKeys, SCOPE, type KmsKeys } from './kms-keys-fixture';

const MASTER_KEY = Buffer.alloc(32, 9);
const MESSAGE = Buffer.from('authenticated');

type Handler = (input: unknown, scope: typeof SCOPE) => Promise<Record<string, unknown>> | Record<string, unknown>;

describe('HMAC and asymmetric key material in the vault', () => {
  let dir: string;
  let kms: KmsKeys;
  const call = async (operation: string, input: unknown): Promise<Record<string, unknown>> => (kms.handlers as unknown as Record<string, Handler>)[operation]!(input, SCOPE);
  const secretOf = (keyId: string): Buffer => new AesGcmKeyMaterialVault(MASTER_KEY).open(new SqliteKeySpecMaterialRepository(kms.database).get(keyId)!.sealed);

  beforeEach(() => {
    dir = createTempDir('spec-material');
    kms = createKmsKeys({ file: join(dir, 'kms.sqlite'), masterKey: MASTER_KEY });
  });
  afterEach(() => {
    kms.database.close();
    removeTempDir(dir);
  });

  for (const bits of [224, 256, 384, 512]) {
    it(`HMAC_${bits}: a ${bits / 8}-byte key, sealed; GenerateMac equals createHmac(sha${bits}) with it`, async () => {
      const { KeyMetadata } = await kms.creation.createKey(SCOPE, { KeySpec: `HMAC_${bits}`, KeyUsage: 'GENERATE_VERIFY_MAC' });
      const secret = secretOf(KeyMetadata.KeyId);
      expect(secret.length).to.equal(bits / 8);
      const { Mac } = await call('GenerateMac', { KeyId: KeyMetadata.KeyId, Message: MESSAGE, MacAlgorithm: `HMAC_SHA_${bits}` });
      expect((Mac as Buffer).equals(createHmac(`sha${bits}`, secret).update(MESSAGE).digest())).to.equal(true);
      const files = ['kms.sqlite', 'kms.sqlite-wal'].map((name) => join(dir, name)).filter((file) => existsSync(file));
      for (const file of files) expect(readFileSync(file).includes(secret), file).to.equal(false);
    });
  }

  it('ECC_NIST_P256: the sealed PKCS #8 private key matches GetPublicKey, and Sign verifies under it', async () => {
    const { KeyMetadata } = await kms.creation.createKey(SCOPE, { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    const privateKey = createPrivateKey({ key: secretOf(KeyMetadata.KeyId), format: 'der', type: 'pkcs8' });
    const { PublicKey } = await call('GetPublicKey', { KeyId: KeyMetadata.KeyId });
    expect((createPublicKey(privateKey).export({ format: 'der', type: 'spki' })).equals(PublicKey as Buffer)).to.equal(true);
    const { Signature } = await call('Sign', { KeyId: KeyMetadata.KeyId, Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(verify('sha256', MESSAGE, createPublicKey(privateKey), Signature as Buffer)).to.equal(true);
  });

  it('a key pair survives reopening the database with the same master key', async () => {
    const { KeyMetadata } = await kms.creation.createKey(SCOPE, { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    const { PublicKey } = await call('GetPublicKey', { KeyId: KeyMetadata.KeyId });
    kms.database.close();
    kms = createKmsKeys({ file: join(dir, 'kms.sqlite'), masterKey: MASTER_KEY });
    const { Signature } = await call('Sign', { KeyId: KeyMetadata.KeyId, Message: MESSAGE, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' });
    const publicKey = createPublicKey({ key: PublicKey as Buffer, format: 'der', type: 'spki' });
    expect(verify('sha256', MESSAGE, publicKey, Signature as Buffer)).to.equal(true);
  });
});
