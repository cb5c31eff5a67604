// The KMS key services on fakes: an SQLite database (in memory unless a file is named), a fake
// KeyStoreCrypto, a simulated clock over a manual one (it moves only when a test advances it) and a
// recording logger.

import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { container as root } from 'tsyringe';
import { IN_MEMORY, SqliteDatabase } from '../../../../src/adapters/sqlite/sqlite-database';
import { AesGcmKeyMaterialVault } from '../../../../src/kms/keys/aes-gcm-key-material.vault';
import { AliasService } from '../../../../src/kms/keys/alias.service';
import { AsymmetricKeyTokens } from '../../../../src/kms/keys/asymmetric/asymmetric-key.tokens';
import { SqliteKeySpecMaterialRepository } from '../../../../src/kms/keys/asymmetric/sqlite-key-spec-material.repository';
import { DataKeyService } from '../../../../src/kms/keys/data-key.service';
import type { KmsScope } from '../../../../src/kms/keys/domain/kms-key';
import { KeyCreationService } from '../../../../src/kms/keys/key-creation.service';
import { KeyCryptoService } from '../../../../src/kms/keys/key-crypto.service';
import { KeyDeletionService } from '../../../../src/kms/keys/key-deletion.service';
import { KeyLifecycleService } from '../../../../src/kms/keys/key-lifecycle.service';
import { KeyPolicyService } from '../../../../src/kms/keys/key-policy.service';
import { KeyQueryService } from '../../../../src/kms/keys/key-query.service';
import { KeyTagService } from '../../../../src/kms/keys/key-tag.service';
import { KmsKeyInventory } from '../../../../src/kms/keys/kms-key-inventory';
import { kmsKeyHandlers } from '../../../../src/kms/keys/kms-key.handlers';
import { KmsKeyTokens } from '../../../../src/kms/keys/kms-key.tokens';
import type { KeyServiceEvent } from '../../../../src/kms/ports/key-service-events.port';
import { RandomService } from '../../../../src/kms/keys/random.service';
import { SqliteKmsKeyRepository } from '../../../../src/kms/keys/sqlite-kms-key.repository';
import { GrantService } from '../../../../src/kms/keys/grants/grant.service';
import { SqliteGrantRepository } from '../../../../src/kms/keys/grants/sqlite-grant.repository';
import { SqliteImportParametersRepository } from '../../../../src/kms/keys/import/sqlite-import-parameters.repository';
import { KmsKeyFeatureTokens } from '../../../../src/kms/keys/kms-key-features.tokens';
import { SqliteKeyMaterialRepository } from '../../../../src/kms/keys/rotation/sqlite-key-material.repository';
import { SqliteKeyUsageRepository } from '../../../../src/kms/keys/usage/sqlite-key-usage.repository';
import { withOverrides } from '../../../../src/main/container';
import { AwsException } from '../../../../src/shared/aws-exception';
import { IdGenerator } from '../../../../src/shared/ids';
import { Tokens } from '../../../../src/shared/injection-tokens';
import type { LogLevel } from '../../../../src/shared/logger';
import { SimulatedClock } from '../../../../src/shared/simulated-clock';
import { ManualClock } from '../../../support/manual-clock';
import { FakeKeyStoreCrypto } from './fake-key-store-crypto';

export const SCOPE: KmsScope = { accountId: '111122223333', region: 'us-east-2' };
export const STORE_ID = 'cks-1234567890abcdef0';

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

export interface KmsKeys {
  readonly database: SqliteDatabase;
  readonly repository: SqliteKmsKeyRepository;
  readonly crypto: FakeKeyStoreCrypto;
  /** Waiting periods end only when a test advances this clock (or awaits idle() after a restart). */
  readonly clock: SimulatedClock;
  /** Errors of tasks the clock ran. */
  readonly schedulerErrors: unknown[];
  readonly logs: LogEntry[];
  /** What the services told the trail (DeleteKey, RotateKey, DeleteExpiredKeyMaterial). */
  readonly serviceEvents: KeyServiceEvent[];
  readonly creation: KeyCreationService;
  readonly query: KeyQueryService;
  readonly lifecycle: KeyLifecycleService;
  readonly deletion: KeyDeletionService;
  readonly cryptography: KeyCryptoService;
  readonly dataKeys: DataKeyService;
  readonly random: RandomService;
  readonly aliases: AliasService;
  readonly tags: KeyTagService;
  readonly policies: KeyPolicyService;
  readonly inventory: KmsKeyInventory;
  readonly grants: GrantService;
  readonly handlers: ReturnType<typeof kmsKeyHandlers>;
}

export interface KmsKeysOptions {
  /** A database file to reopen; in memory by default. */
  readonly file?: string;
  readonly masterKey?: Buffer;
  readonly crypto?: FakeKeyStoreCrypto;
  /** The manual clock under the simulated one (a restart keeps real time where it was). */
  readonly base?: ManualClock;
}

/** The services over fakes, with one CONNECTED store (STORE_ID) in SCOPE. */
export function createKmsKeys(options: KmsKeysOptions = {}): KmsKeys {
  const database = new SqliteDatabase(options.file ?? IN_MEMORY);
  const repository = new SqliteKmsKeyRepository(database);
  const crypto = options.crypto ?? new FakeKeyStoreCrypto();
  if (!options.crypto) crypto.addStore(STORE_ID, SCOPE);
  const schedulerErrors: unknown[] = [];
  const clock = new SimulatedClock(options.base ?? new ManualClock(), undefined, (error) => schedulerErrors.push(error));
  const logs: LogEntry[] = [];
  const serviceEvents: KeyServiceEvent[] = [];
  const container = withOverrides(root.createChildContainer(), [
    { token: KmsKeyTokens.KeyRepository, useValue: repository },
    { token: KmsKeyTokens.KeyMaterialVault, useValue: new AesGcmKeyMaterialVault(options.masterKey ?? randomBytes(32)) },
    { token: KmsKeyTokens.KeyStoreCrypto, useValue: crypto },
    { token: KmsKeyTokens.IdGenerator, useValue: new IdGenerator() },
    { token: AsymmetricKeyTokens.MaterialRepository, useValue: new SqliteKeySpecMaterialRepository(database) },
    { token: KmsKeyFeatureTokens.GrantRepository, useValue: new SqliteGrantRepository(database) },
    { token: KmsKeyFeatureTokens.KeyMaterialRepository, useValue: new SqliteKeyMaterialRepository(database) },
    { token: KmsKeyFeatureTokens.ImportParametersRepository, useValue: new SqliteImportParametersRepository(database) },
    { token: KmsKeyFeatureTokens.KeyUsageRepository, useValue: new SqliteKeyUsageRepository(database) },
    { token: KmsKeyFeatureTokens.ServiceEvents, useValue: { keyEvent: (event: KeyServiceEvent) => serviceEvents.push(event) } },
    { token: Tokens.Clock, useValue: clock },
    { token: Tokens.Logger, useValue: { log: (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => logs.push({ level, message, fields }) } },
  ]);
  return {
    database,
    repository,
    crypto,
    clock,
    schedulerErrors,
    logs,
    serviceEvents,
    creation: container.resolve(KeyCreationService),
    query: container.resolve(KeyQueryService),
    lifecycle: container.resolve(KeyLifecycleService),
    deletion: container.resolve(KeyDeletionService),
    cryptography: container.resolve(KeyCryptoService),
    dataKeys: container.resolve(DataKeyService),
    random: container.resolve(RandomService),
    aliases: container.resolve(AliasService),
    tags: container.resolve(KeyTagService),
    policies: container.resolve(KeyPolicyService),
    inventory: container.resolve(KmsKeyInventory),
    grants: container.resolve(GrantService),
    handlers: kmsKeyHandlers(container),
  };
}

/** A new AWS_KMS key's id and ARN. */
export async function awsKmsKey(kms: KmsKeys, scope: KmsScope = SCOPE): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await kms.creation.createKey(scope, {});
  return { keyId: KeyMetadata.KeyId, arn: KeyMetadata.Arn };
}

/** A new key in the CloudHSM key store STORE_ID. */
export async function storeKey(kms: KmsKeys): Promise<{ keyId: string; arn: string }> {
  const { KeyMetadata } = await kms.creation.createKey(SCOPE, { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: STORE_ID });
  return { keyId: KeyMetadata.KeyId, arn: KeyMetadata.Arn };
}

/** Asserts that the call fails with the AWS exception `name` (and, when given, a message matching `message`). */
export async function expectAwsError(action: Promise<unknown> | (() => unknown), name: string, message?: string | RegExp): Promise<AwsException> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(AwsException);
    expect((error as AwsException).name, (error as AwsException).message).to.equal(name);
    if (typeof message === 'string') expect((error as AwsException).message).to.equal(message);
    else if (message) expect((error as AwsException).message).to.match(message);
    return error as AwsException;
  }
  expect.fail(`expected ${name}, but the call succeeded`);
}
