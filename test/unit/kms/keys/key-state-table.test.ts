// The key state x operation table (aws-behaviour 2.15), row by row: each operation on a key in each state
// the simulator shows (Enabled, Disabled, PendingDeletion, Unavailable), with the exception and message.

import type { AsymmetricKeyOperation } from '../../../../src/kms/keys/asymmetric/asymmetric-key.handlers';
import type { KeyOperation as AnyKeyOperation, KeyState } from '../../../../src/kms/keys/domain/kms-key.states';
import { createKmsKeys, expectAwsError, SCOPE, STORE_ID, storeKey, type KmsKeys } from './kms-keys-fixture';

/** The operations of symmetric keys; those of asymmetric and HMAC keys: test/integration/kms/asymmetric/key-states.test.ts. */
type KeyOperation = Exclude<AnyKeyOperation, AsymmetricKeyOperation>;
type Outcome = 'ok' | 'disabled' | 'pending' | 'unavailable' | 'notPending';

/** Rotation, import and multi-Region operations refuse keys of a key store before their state (test/integration/kms/key-*.test.ts). */
type TableOperation = Exclude<
  KeyOperation,
  | 'EnableKeyRotation'
  | 'DisableKeyRotation'
  | 'GetKeyRotationStatus'
  | 'RotateKeyOnDemand'
  | 'ListKeyRotations'
  | 'GetParametersForImport'
  | 'ImportKeyMaterial'
  | 'DeleteImportedKeyMaterial'
  | 'ReplicateKey'
  | 'UpdatePrimaryRegion'
  | 'GetKeyLastUsage'
>;

// Columns: Enabled, Disabled, PendingDeletion, Unavailable.
const EXPECTED: Record<TableOperation, [Outcome, Outcome, Outcome, Outcome]> = {
  Encrypt:                         ['ok',         'disabled',   'pending',    'unavailable'],
  Decrypt:                         ['ok',         'disabled',   'pending',    'unavailable'],
  ReEncrypt:                       ['ok',         'disabled',   'pending',    'unavailable'],
  GenerateDataKey:                 ['ok',         'disabled',   'pending',    'unavailable'],
  GenerateDataKeyWithoutPlaintext: ['ok',         'disabled',   'pending',    'unavailable'],
  DescribeKey:                     ['ok',         'ok',         'ok',         'ok'],
  EnableKey:                       ['ok',         'ok',         'pending',    'ok'],
  DisableKey:                      ['ok',         'ok',         'pending',    'ok'],
  ScheduleKeyDeletion:             ['ok',         'ok',         'pending',    'ok'],
  CancelKeyDeletion:               ['notPending', 'notPending', 'ok',         'notPending'],
  CreateAlias:                     ['ok',         'ok',         'pending',    'ok'],
  UpdateAlias:                     ['ok',         'ok',         'pending',    'ok'],
  DeleteAlias:                     ['ok',         'ok',         'ok',         'ok'],
  ListAliases:                     ['ok',         'ok',         'ok',         'ok'],
  TagResource:                     ['ok',         'ok',         'pending',    'ok'],
  UntagResource:                   ['ok',         'ok',         'pending',    'ok'],
  ListResourceTags:                ['ok',         'ok',         'ok',         'ok'],
  UpdateKeyDescription:            ['ok',         'ok',         'pending',    'ok'],
  GetKeyPolicy:                    ['ok',         'ok',         'ok',         'ok'],
  PutKeyPolicy:                    ['ok',         'ok',         'ok',         'ok'],
  ListKeyPolicies:                 ['ok',         'ok',         'ok',         'ok'],
  CreateGrant:                     ['ok',         'disabled',   'pending',    'ok'],
  ListGrants:                      ['ok',         'ok',         'ok',         'ok'],
  RetireGrant:                     ['ok',         'ok',         'ok',         'ok'],
  RevokeGrant:                     ['ok',         'ok',         'ok',         'ok'],
};

const REFUSED: Record<Exclude<Outcome, 'ok'>, [string, string]> = {
  disabled: ['DisabledException', 'is disabled.'],
  pending: ['KMSInvalidStateException', 'is pending deletion.'],
  unavailable: ['KMSInvalidStateException', 'is unavailable.'],
  notPending: ['KMSInvalidStateException', 'is not pending deletion.'],
};

interface Subject {
  readonly kms: KmsKeys;
  readonly keyId: string;
  readonly ciphertext: Buffer;
  readonly grantId: string;
}

const PLAINTEXT = Buffer.from('x');
const OPERATIONS: Record<TableOperation, (subject: Subject) => unknown> = {
  Encrypt: ({ kms, keyId }) => kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT }),
  Decrypt: ({ kms, ciphertext }) => kms.cryptography.decrypt(SCOPE, { CiphertextBlob: ciphertext }),
  ReEncrypt: ({ kms, keyId, ciphertext }) => kms.cryptography.reEncrypt(SCOPE, { CiphertextBlob: ciphertext, DestinationKeyId: keyId }),
  GenerateDataKey: ({ kms, keyId }) => kms.dataKeys.generateDataKey(SCOPE, { KeyId: keyId, KeySpec: 'AES_256' }),
  GenerateDataKeyWithoutPlaintext: ({ kms, keyId }) => kms.dataKeys.generateDataKeyWithoutPlaintext(SCOPE, { KeyId: keyId, KeySpec: 'AES_256' }),
  DescribeKey: ({ kms, keyId }) => kms.query.describeKey(SCOPE, { KeyId: keyId }),
  EnableKey: ({ kms, keyId }) => kms.lifecycle.enableKey(SCOPE, { KeyId: keyId }),
  DisableKey: ({ kms, keyId }) => kms.lifecycle.disableKey(SCOPE, { KeyId: keyId }),
  ScheduleKeyDeletion: ({ kms, keyId }) => kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId }),
  CancelKeyDeletion: ({ kms, keyId }) => kms.deletion.cancelKeyDeletion(SCOPE, { KeyId: keyId }),
  CreateAlias: ({ kms, keyId }) => kms.aliases.createAlias(SCOPE, { AliasName: 'alias/new', TargetKeyId: keyId }),
  UpdateAlias: ({ kms, keyId }) => kms.aliases.updateAlias(SCOPE, { AliasName: 'alias/elsewhere', TargetKeyId: keyId }),
  DeleteAlias: ({ kms }) => kms.aliases.deleteAlias(SCOPE, { AliasName: 'alias/mine' }),
  ListAliases: ({ kms, keyId }) => kms.aliases.listAliases(SCOPE, { KeyId: keyId }),
  TagResource: ({ kms, keyId }) => kms.tags.tagResource(SCOPE, { KeyId: keyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }),
  UntagResource: ({ kms, keyId }) => kms.tags.untagResource(SCOPE, { KeyId: keyId, TagKeys: ['a'] }),
  ListResourceTags: ({ kms, keyId }) => kms.tags.listResourceTags(SCOPE, { KeyId: keyId }),
  UpdateKeyDescription: ({ kms, keyId }) => kms.lifecycle.updateKeyDescription(SCOPE, { KeyId: keyId, Description: 'new' }),
  GetKeyPolicy: ({ kms, keyId }) => kms.policies.getKeyPolicy(SCOPE, { KeyId: keyId }),
  PutKeyPolicy: ({ kms, keyId }) => kms.policies.putKeyPolicy(SCOPE, { KeyId: keyId, Policy: '{"Statement":[]}' }),
  ListKeyPolicies: ({ kms, keyId }) => kms.policies.listKeyPolicies(SCOPE, { KeyId: keyId }),
  CreateGrant: ({ kms, keyId }) => kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Decrypt'] }),
  ListGrants: ({ kms, keyId }) => kms.grants.listGrants(SCOPE, { KeyId: keyId }),
  RetireGrant: ({ kms, keyId, grantId }) => kms.grants.retireGrant(SCOPE, { KeyId: keyId, GrantId: grantId }),
  RevokeGrant: ({ kms, keyId, grantId }) => kms.grants.revokeGrant(SCOPE, { KeyId: keyId, GrantId: grantId }),
};

const STATES: KeyState[] = ['Enabled', 'Disabled', 'PendingDeletion', 'Unavailable'];

/** A key of the store, shown in `state`, with a ciphertext, an alias of its own and an alias of another key. */
async function subjectIn(state: KeyState): Promise<Subject> {
  // Time scale 1: the deletion window outlasts the test.
  const kms = createKmsKeys();
  const { keyId } = await storeKey(kms);
  const other = await storeKey(kms);
  const { CiphertextBlob } = await kms.cryptography.encrypt(SCOPE, { KeyId: keyId, Plaintext: PLAINTEXT });
  kms.aliases.createAlias(SCOPE, { AliasName: 'alias/mine', TargetKeyId: keyId });
  kms.aliases.createAlias(SCOPE, { AliasName: 'alias/elsewhere', TargetKeyId: other.keyId });
  const { GrantId } = kms.grants.createGrant(SCOPE, { KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111122223333:role/app', Operations: ['Encrypt'] });
  if (state === 'Disabled') kms.lifecycle.disableKey(SCOPE, { KeyId: keyId });
  if (state === 'PendingDeletion') kms.deletion.scheduleKeyDeletion(SCOPE, { KeyId: keyId });
  if (state === 'Unavailable') kms.crypto.setConnectionState(STORE_ID, 'DISCONNECTED');
  return { kms, keyId, ciphertext: CiphertextBlob, grantId: GrantId };
}

describe('KMS key state x operation table', () => {
  STATES.forEach((state, column) => {
    describe(`a key that is ${state}`, () => {
      for (const [operation, row] of Object.entries(EXPECTED) as [TableOperation, Outcome[]][]) {
        const outcome = row[column]!;
        it(`${operation}: ${outcome === 'ok' ? 'allowed' : REFUSED[outcome].join(' ')}`, async () => {
          const subject = await subjectIn(state);
          const { Arn } = subject.kms.query.describeKey(SCOPE, { KeyId: subject.keyId }).KeyMetadata;
          try {
            if (outcome === 'ok') await OPERATIONS[operation](subject);
            else await expectAwsError(async () => OPERATIONS[operation](subject), REFUSED[outcome][0], `${Arn} ${REFUSED[outcome][1]}`);
          } finally {
            subject.kms.database.close();
          }
        });
      }
    });
  });
});
