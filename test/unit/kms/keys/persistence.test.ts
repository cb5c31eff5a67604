// Restart the simulator on the same data directory: keys, aliases and AWS_KMS ciphertexts still work,
// because the key material is sealed in the database under the master key file.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AesGcmKeyMaterialVault } from '../../../../src/kms/keys/aes-gcm-key-material.vault';
import { loadOrCreateMasterKey, MASTER_KEY_FILE } from '../../../../src/kms/keys/master-key.file';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';
import { awsKmsKey, createKmsKeys, SCOPE, storeKey } from './kms-keys-fixture';

describe('KMS keys across a restart', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = createTempDir('kms-keys');
    file = join(directory, 'cloudhsm-sim.sqlite');
  });
  afterEach(() => removeTempDir(directory));

  it('creates the master key file once, owner-only, and reads the same key after', () => {
    const key = loadOrCreateMasterKey(directory);
    expect(key).to.have.length(32);
    expect(statSync(join(directory, MASTER_KEY_FILE)).mode & 0o777).to.equal(0o600);
    expect(loadOrCreateMasterKey(directory).equals(key)).to.equal(true);
  });

  it('keeps keys, aliases, tags and policies, and decrypts what was encrypted before', async () => {
    const before = createKmsKeys({ file, masterKey: loadOrCreateMasterKey(directory) });
    const { keyId, arn } = await awsKmsKey(before);
    const hsmKey = await storeKey(before);
    before.aliases.createAlias(SCOPE, { AliasName: 'alias/kept', TargetKeyId: keyId });
    before.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'kept', TagValue: 'yes' }] });
    before.lifecycle.disableKey(SCOPE, { KeyId: hsmKey.keyId });
    const { CiphertextBlob } = await before.cryptography.encrypt(SCOPE, { KeyId: 'alias/kept', Plaintext: Buffer.from('survives'), EncryptionContext: { k: 'v' } });
    const metadata = before.query.describeKey(SCOPE, { KeyId: keyId }).KeyMetadata;
    before.database.close();

    const after = createKmsKeys({ file, masterKey: loadOrCreateMasterKey(directory), crypto: before.crypto });
    try {
      expect(after.query.describeKey(SCOPE, { KeyId: 'alias/kept' }).KeyMetadata).to.deep.equal(metadata);
      expect(after.query.describeKey(SCOPE, { KeyId: hsmKey.arn }).KeyMetadata.KeyState).to.equal('Disabled');
      expect(after.tags.listResourceTags(SCOPE, { KeyId: arn }).Tags).to.deep.equal([{ TagKey: 'kept', TagValue: 'yes' }]);
      const decrypted = await after.cryptography.decrypt(SCOPE, { CiphertextBlob, EncryptionContext: { k: 'v' } });
      expect(decrypted.Plaintext.toString()).to.equal('survives');
    } finally {
      after.database.close();
    }
  });

  it('cannot open the material under another master key', async () => {
    const before = createKmsKeys({ file, masterKey: Buffer.alloc(32, 1) });
    const { keyId } = await awsKmsKey(before);
    const { CiphertextBlob } = await before.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: Buffer.from('locked') });
    before.database.close();

    const after = createKmsKeys({ file, masterKey: Buffer.alloc(32, 2) });
    try {
      let failure: unknown;
      await after.cryptography.decrypt(SCOPE, { CiphertextBlob }).catch((error: unknown) => (failure = error));
      expect(String(failure)).to.match(/does not open under this master key/);
      expect(String(failure)).to.not.contain('locked');
    } finally {
      after.database.close();
    }
  });

  it('never writes the material itself to the database files', async () => {
    const masterKey = Buffer.alloc(32, 3);
    const kms = createKmsKeys({ file, masterKey });
    try {
      const { keyId } = await awsKmsKey(kms);
      const material = new AesGcmKeyMaterialVault(masterKey).open(kms.repository.getMaterial(keyId)!);
      const written = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
      for (const form of [material, Buffer.from(material.toString('base64')), Buffer.from(material.toString('hex'))]) expect(written.includes(form)).to.equal(false);
    } finally {
      kms.database.close();
    }
  });
});
