// The end-to-end cases: one KMS request through a service's HTTP endpoint, with `concurrency` requests in
// flight. Whatever an operation needs beforehand (a ciphertext to decrypt) is made in the untimed setup,
// and whatever it leaves behind (keys it created) is removed in the untimed teardown. A throttled request
// is re-sent at once and timed as one operation, as a client with retries sees it; the count goes to
// stderr at teardown.

import type { BenchCase } from './bench-case';
import type { KmsClient } from './kms-client';
import type { KmsFixture, OpenKms } from './kms-fixture';
import { waitFor } from '../../test/e2e/support/wait-for';

/** The timed request, and what undoes its effects afterwards. */
export interface PreparedRequest {
  send(): Promise<unknown>;
  cleanUp?(): Promise<void>;
}

/** Prepares against an open service. */
export type KmsOperation = (kms: OpenKms) => Promise<PreparedRequest>;

export function kmsCase(fixture: KmsFixture, operation: KmsOperation, concurrency: number): BenchCase {
  let prepared: PreparedRequest | undefined;
  let throttled = 0;
  const sendUntilAnswered = async (request: PreparedRequest): Promise<unknown> => {
    for (;;) {
      try {
        return await request.send();
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ThrottlingException')) throw error;
        throttled++;
      }
    }
  };
  return {
    label: fixture.label,
    concurrency,
    async setup() {
      prepared = await operation(await fixture.open());
    },
    run() {
      if (!prepared) throw new Error(`${fixture.label}: run before setup`);
      return sendUntilAnswered(prepared);
    },
    async teardown() {
      await prepared?.cleanUp?.();
      if (throttled > 0) process.stderr.write(` [${fixture.label}: ${throttled} throttled requests re-sent]`);
    },
  };
}

// Blobs travel base64-encoded in awsJson1_1, as the SDKs send them.
export function kmsEncrypt(plaintext: Buffer): KmsOperation {
  return async ({ client, keyId }) => ({ send: () => client.send('Encrypt', { KeyId: keyId, Plaintext: plaintext.toString('base64') }) });
}

export function kmsDecrypt(plaintext: Buffer): KmsOperation {
  return async ({ client, keyId }) => {
    const { CiphertextBlob } = await client.send<{ CiphertextBlob: string }>('Encrypt', { KeyId: keyId, Plaintext: plaintext.toString('base64') });
    return { send: () => client.send('Decrypt', { KeyId: keyId, CiphertextBlob }) };
  };
}

export function kmsGenerateDataKey(): KmsOperation {
  return async ({ client, keyId }) => ({ send: () => client.send('GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256' }) });
}

/** A key like the fixture's (in the custom key store, on the simulator); the keys made are deleted afterwards. */
export function kmsCreateKey(): KmsOperation {
  return async ({ client, keySpec, deletesKeysAtOnce }) => {
    const created: string[] = [];
    return {
      send: async () => {
        const { KeyMetadata } = await client.send<{ KeyMetadata: { KeyId: string } }>('CreateKey', keySpec);
        created.push(KeyMetadata.KeyId);
      },
      cleanUp: () => deleteKeys(client, created.splice(0), deletesKeysAtOnce),
    };
  };
}

const DELETIONS_IN_FLIGHT = 8;
/** The shortest waiting period; advancing the simulator's clock past it deletes the key, and its HSM key. */
const PENDING_WINDOW_IN_DAYS = 7;
const DAY_SECONDS = 24 * 60 * 60;

/** Schedules every key's deletion; where that deletes at once, waits for it, so it does not run into the next row. */
export async function deleteKeys(client: KmsClient, keyIds: readonly string[], deletesKeysAtOnce: boolean): Promise<void> {
  const queue = [...keyIds];
  const worker = async (): Promise<void> => {
    for (let keyId = queue.pop(); keyId !== undefined; keyId = queue.pop()) {
      await client.send('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: PENDING_WINDOW_IN_DAYS });
    }
  };
  await Promise.all(Array.from({ length: DELETIONS_IN_FLIGHT }, worker));
  if (!deletesKeysAtOnce) return;
  // The windows wait on the simulated clock: move it past them (it answers once they have ended).
  const advanced = await fetch(new URL('/_sim/clock/advance', client.endpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds: PENDING_WINDOW_IN_DAYS * DAY_SECONDS }),
  });
  if (!advanced.ok) throw new Error(`advancing the simulated clock failed: ${advanced.status} ${await advanced.text()}`);
  for (const keyId of keyIds) await waitUntilGone(client, keyId);
  // The HSM key goes just after the KMS key; give the last deletions time to reach the HSMs.
  await new Promise((resolve) => setTimeout(resolve, HSM_DELETION_SETTLE_MS));
}

const GONE_POLL_MS = 20;
const HSM_DELETION_SETTLE_MS = 500;
const GONE_TIMEOUT_MS = 60_000;

function waitUntilGone(client: KmsClient, keyId: string): Promise<true> {
  const gone = (): Promise<true | undefined> =>
    client.send('DescribeKey', { KeyId: keyId }).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof Error && error.name === 'NotFoundException') return true;
        throw error;
      },
    );
  return waitFor(`key ${keyId} to be deleted`, gone, GONE_TIMEOUT_MS, GONE_POLL_MS);
}
