// kmsuser's password is sealed in the control plane's database: the stored row never holds it in clear,
// a record from an older version (password in clear) is still read and is sealed when the repository opens.

import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IN_MEMORY, SqliteDatabase } from '../../../../src/adapters/sqlite/sqlite-database';
import type { CustomKeyStoreRecord } from '../../../../src/kms/custom-key-stores/domain/custom-key-store';
import { KeyStorePasswordSealer } from '../../../../src/kms/custom-key-stores/key-store-password.sealer';
import { SqliteCustomKeyStoreRepository } from '../../../../src/kms/custom-key-stores/sqlite-custom-key-store.repository';

const MASTER_KEY = Buffer.alloc(32, 9);
const PASSWORD = 'kmsPswd-at-rest';

function record(customKeyStoreId: string): CustomKeyStoreRecord {
  return {
    accountId: '111122223333',
    region: 'us-east-1',
    customKeyStoreId,
    name: customKeyStoreId,
    cloudHsmClusterId: 'cluster-abc',
    clusterCertificate: 'cert',
    trustAnchorCertificate: 'anchor',
    keyStorePassword: PASSWORD,
    connectionState: 'DISCONNECTED',
    creationDate: new Date('2026-01-01T00:00:00Z'),
    connectionAttempt: 0,
  } as CustomKeyStoreRecord;
}

function rawBodies(database: SqliteDatabase): string[] {
  return (database.prepare('SELECT body FROM kms_custom_key_stores').all() as { body: string }[]).map((row) => row.body);
}

describe('custom key stores: kmsuser password sealed at rest', () => {
  it('stores the password sealed, and gives it back in clear', () => {
    const database = new SqliteDatabase(IN_MEMORY);
    const repository = new SqliteCustomKeyStoreRepository(database, new KeyStorePasswordSealer(MASTER_KEY));
    repository.save(record('cks-1'));

    expect(rawBodies(database).join('')).not.to.include(PASSWORD);
    expect(rawBodies(database)[0]).to.include('sealedKeyStorePassword');
    expect(repository.get('cks-1')?.keyStorePassword).to.equal(PASSWORD);
    expect(repository.all()[0]?.keyStorePassword).to.equal(PASSWORD);
  });

  it('reads a record from before sealing and seals it when the repository opens', () => {
    const database = new SqliteDatabase(IN_MEMORY);
    database.ensureKind('kms_custom_key_stores');
    database.prepare('INSERT INTO kms_custom_key_stores (id, scope, body) VALUES (?, ?, ?)').run('cks-old', '111122223333/us-east-1', JSON.stringify(record('cks-old')));
    expect(rawBodies(database)[0]).to.include(PASSWORD);

    const repository = new SqliteCustomKeyStoreRepository(database, new KeyStorePasswordSealer(MASTER_KEY));

    expect(rawBodies(database)[0]).not.to.include(PASSWORD);
    expect(repository.get('cks-old')?.keyStorePassword).to.equal(PASSWORD);
  });

  it('leaves no trace of the old clear password in the database file or its WAL after the migration', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sealed-password-'));
    const file = join(directory, 'control-plane.sqlite');
    try {
      const before = new SqliteDatabase(file);
      before.ensureKind('kms_custom_key_stores');
      before.prepare('INSERT INTO kms_custom_key_stores (id, scope, body) VALUES (?, ?, ?)').run('cks-old', '111122223333/us-east-1', JSON.stringify(record('cks-old')));
      before.close();
      const after = new SqliteDatabase(file);
      const repository = new SqliteCustomKeyStoreRepository(after, new KeyStorePasswordSealer(MASTER_KEY));
      expect(repository.get('cks-old')?.keyStorePassword).to.equal(PASSWORD);
      for (const part of readdirSync(directory)) expect(readFileSync(join(directory, part)).includes(Buffer.from(PASSWORD)), part).to.equal(false);
      after.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a sealed password opens for its own key store only, and under its own master key only', () => {
    const sealer = new KeyStorePasswordSealer(MASTER_KEY);
    const sealed = sealer.seal('cks-1', PASSWORD);
    expect(() => sealer.open('cks-2', sealed)).to.throw('does not open');
    expect(() => new KeyStorePasswordSealer(Buffer.alloc(32, 1)).open('cks-1', sealed)).to.throw('was the master key file replaced?');
  });
});
