// The end-to-end cases: one KMS request through a service's HTTP endpoint, with `concurrency` requests in
// flight. Whatever an operation needs beforehand (a ciphertext to decrypt) is made in the untimed setup.
// A throttled request (the simulator keeps AWS's 1,800 requests/s per key store) is re-sent at once and
// timed as one operation, as a client with retries sees it; the count goes to stderr at teardown.

import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import type { BenchCase } from './bench-case';
import type { KmsFixture, OpenKms } from './kms-fixture';

/** Prepares against an open service and returns the timed request. */
export type KmsOperation = (kms: OpenKms) => Promise<() => Promise<unknown>>;

export function kmsCase(fixture: KmsFixture, operation: KmsOperation, concurrency: number): BenchCase {
  let send: (() => Promise<unknown>) | undefined;
  let throttled = 0;
  const sendUntilAnswered = async (request: () => Promise<unknown>): Promise<unknown> => {
    for (;;) {
      try {
        return await request();
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
      send = await operation(await fixture.open());
    },
    run() {
      if (!send) throw new Error(`${fixture.label}: run before setup`);
      return sendUntilAnswered(send);
    },
    async teardown() {
      if (throttled > 0) process.stderr.write(` [${fixture.label}: ${throttled} throttled requests re-sent]`);
    },
  };
}

export function kmsEncrypt(plaintext: Uint8Array): KmsOperation {
  return async ({ client, keyId }) => () => client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
}

export function kmsDecrypt(plaintext: Uint8Array): KmsOperation {
  return async ({ client, keyId }) => {
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }));
    return () => client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob }));
  };
}

export function kmsGenerateDataKey(): KmsOperation {
  return async ({ client, keyId }) => () => client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
}
