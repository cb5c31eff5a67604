// The published limits, each reached over the wire of an in-memory simulator (seed preset) and answered
// with the error AWS gives: the cluster's 3,300 keys (LimitExceededException, open question 22), Plaintext
// of 4,096 bytes, 10 grant tokens, 50 tags and 50 aliases per key, the 1 MiB request body.

import { CreateAliasCommand, CreateKeyCommand, EncryptCommand, KMSClient, ListKeysCommand, ScheduleKeyDeletionCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { type RunningSimulator, startSimulator } from '../../../../src/index';
import { exchange } from '../../wire/http-exchange';

const CLUSTER_KEYS = 3300;

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const failed = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: failed.name, message: failed.message, status: failed.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}

describe('limits, reached over the wire (README "Limits")', function () {
  this.timeout(120_000);
  let sim: RunningSimulator;
  let kms: KMSClient;

  before(async () => {
    sim = await startSimulator({ preset: 'seed', engine: 'in-memory', keyStoreRequestRate: 0 });
    kms = new KMSClient({ ...sim.clientConfig, maxAttempts: 1 });
  });
  after(async () => {
    kms?.destroy();
    await sim?.stop();
  });

  it('takes Plaintext of 4,096 bytes and refuses 4,097 with ValidationException', async () => {
    await kms.send(new EncryptCommand({ KeyId: sim.keyId, Plaintext: Buffer.alloc(4096, 1) }));
    const refused = await failure(kms.send(new EncryptCommand({ KeyId: sim.keyId, Plaintext: Buffer.alloc(4097, 1) })));
    expect(refused).to.include({ name: 'ValidationException', status: 400 });
    expect(refused.message).to.include("at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096");
  });

  it('refuses more than 10 grant tokens with ValidationException', async () => {
    const refused = await failure(kms.send(new EncryptCommand({ KeyId: sim.keyId, Plaintext: Buffer.from('x'), GrantTokens: Array.from({ length: 11 }, (_, index) => `token-${index}`) })));
    expect(refused).to.include({ name: 'ValidationException', status: 400 });
    expect(refused.message).to.include("at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10");
  });

  it('refuses a 51st tag and a 51st alias on one key with LimitExceededException', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    await kms.send(new TagResourceCommand({ KeyId: keyId, Tags: Array.from({ length: 50 }, (_, index) => ({ TagKey: `k${index}`, TagValue: 'v' })) }));
    expect(await failure(kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'one-more', TagValue: 'v' }] })))).to.include({ name: 'LimitExceededException', status: 400 });
    for (let index = 0; index < 50; index += 1) await kms.send(new CreateAliasCommand({ AliasName: `alias/limit-${index}`, TargetKeyId: keyId }));
    const refused = await failure(kms.send(new CreateAliasCommand({ AliasName: 'alias/limit-50', TargetKeyId: keyId })));
    expect(refused).to.include({ name: 'LimitExceededException', status: 400 });
    expect(refused.message).to.include('already has 50 aliases');
  });

  it('answers a body over 1 MiB with 413 RequestEntityTooLargeException', async () => {
    const port = Number(new URL(sim.endpoint).port);
    const answer = await exchange(port, { headers: { 'x-amz-target': 'TrentService.Encrypt', 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.alloc(1024 * 1024 + 1, 0x20) });
    expect([answer.status, (JSON.parse(answer.body) as { __type: string }).__type]).to.deep.equal([413, 'RequestEntityTooLargeException']);
  });

  it(`fills the cluster with ${CLUSTER_KEYS} keys, refuses the next with LimitExceededException, and takes one again after a deletion`, async () => {
    const create = (): Promise<unknown> => kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: sim.customKeyStoreId }));
    let made = 1; // the seed preset's key
    const refusals: string[] = [];
    const worker = async (): Promise<void> => {
      while (made < CLUSTER_KEYS && refusals.length === 0) {
        made += 1;
        await create().catch((error: Error) => {
          made -= 1;
          refusals.push(`${error.name}: ${error.message}`);
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(refusals).to.deep.equal([]);
    const refused = await failure(create());
    expect(refused).to.include({ name: 'LimitExceededException', status: 400 });
    expect(refused.message).to.match(/holds 3300 keys and a cluster holds at most 3300/);
    // No KMS key without a backing key: the refused CreateKey left no key behind.
    let keys = 0;
    let marker: string | undefined;
    do {
      const page = await kms.send(new ListKeysCommand({ Limit: 1000, ...(marker ? { Marker: marker } : {}) }));
      keys += page.Keys!.length;
      marker = page.NextMarker;
    } while (marker);
    expect(keys).to.equal(CLUSTER_KEYS + 1); // and the AWS_KMS key of the tag test
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: sim.keyId, PendingWindowInDays: 7 }));
    const advanced = await fetch(`${sim.endpoint}/_sim/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds: 7 * 86_400 + 60 }) });
    expect(advanced.status).to.equal(200);
    await create();
  });
});
