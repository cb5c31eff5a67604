// The end-to-end rows of `npm run bench`: KMS requests on a custom-key-store key of the simulator and on an
// ordinary key of moto, same client, same run, interleaved, at several concurrencies; ratio ours/moto.

import { randomBytes } from 'node:crypto';
import type { Benchmark } from './bench-case';
import { kmsCase, kmsCreateKey, kmsDecrypt, kmsEncrypt, kmsGenerateDataKey, type KmsOperation } from './kms-cases';
import type { KmsFixture } from './kms-fixture';

const CONCURRENCIES = [1, 8, 32] as const;
/** CreateKey fills the cluster (3,300 keys at most): two levels, and every key made is deleted after its row. */
const CREATE_KEY_CONCURRENCIES = [1, 8] as const;

export function kmsBenchmarks(ours: KmsFixture, moto: KmsFixture): Benchmark[] {
  const operations: { readonly id: string; readonly title: string; readonly operation: KmsOperation }[] = [
    { id: 'kms-encrypt-32', title: 'KMS Encrypt 32 B', operation: kmsEncrypt(randomBytes(32)) },
    { id: 'kms-encrypt-4k', title: 'KMS Encrypt 4 KiB', operation: kmsEncrypt(randomBytes(4096)) },
    { id: 'kms-decrypt-32', title: 'KMS Decrypt 32 B', operation: kmsDecrypt(randomBytes(32)) },
    { id: 'kms-generate-data-key', title: 'KMS GenerateDataKey AES_256', operation: kmsGenerateDataKey() },
  ];
  const createKey = { id: 'kms-create-key', title: 'KMS CreateKey (ours: generated in an HSM, synced to 2)', operation: kmsCreateKey() };
  return [
    ...operations.flatMap((operation) => CONCURRENCIES.map((concurrency) => kmsBenchmark(ours, moto, operation, concurrency))),
    ...CREATE_KEY_CONCURRENCIES.map((concurrency) => kmsBenchmark(ours, moto, createKey, concurrency)),
  ];
}

function kmsBenchmark(
  ours: KmsFixture,
  moto: KmsFixture,
  { id, title, operation }: { readonly id: string; readonly title: string; readonly operation: KmsOperation },
  concurrency: number,
): Benchmark {
  return {
    id: kmsBenchmarkId(id, concurrency),
    title: `${title}, concurrency ${concurrency}`,
    cases: [kmsCase(ours, operation, concurrency), kmsCase(moto, operation, concurrency)],
    baseline: moto.label,
  };
}

export function kmsBenchmarkId(operationId: string, concurrency: number): string {
  return `${operationId}-c${concurrency}`;
}

/** What the fault seams cost with no fault active: Encrypt through HSMs with and without them, same run, interleaved. */
const FAULT_LAYER_CONCURRENCIES = [8, 32] as const;

export function faultLayerBenchmarks(withLayer: KmsFixture, withoutLayer: KmsFixture): Benchmark[] {
  const operation = kmsEncrypt(randomBytes(32));
  return FAULT_LAYER_CONCURRENCIES.map((concurrency) => ({
    id: kmsBenchmarkId('kms-fault-layer-encrypt-32', concurrency),
    title: `KMS Encrypt 32 B through the fault layer (no fault active), concurrency ${concurrency}`,
    cases: [kmsCase(withLayer, operation, concurrency), kmsCase(withoutLayer, operation, concurrency)],
    baseline: withoutLayer.label,
  }));
}
