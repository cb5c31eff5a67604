// Item 6 of the benchmark issue: does the simulator slow down as its cluster fills? On a simulator of its
// own, keys are created in the custom key store up to 10, 1,000 and 3,300 (hsm1.medium's quota of keys per
// cluster); at each level it times the CreateKeys that reached it and then Encrypt at concurrency 32 on
// keys picked at random among all of them. Latency should not grow with the key count.

import { randomBytes } from 'node:crypto';
import { runBenchmark, type BenchSettings } from './bench-harness';
import type { BenchCase } from './bench-case';
import type { KmsFixture } from './kms-fixture';
import { formatMemory, memoryOfTree, type ProcessMemory } from './process-memory';

export const SCALE_LEVELS = [10, 1_000, 3_300] as const;
const CREATE_KEY_WORKERS = 8;
const ENCRYPT_CONCURRENCY = 32;
/** A fresh simulator answers its first thousands of requests slowly (JIT); the first level must not pay for that. */
const WARM_UP_SECONDS = 3;

export interface ScaleLevel {
  /** Keys in the store when Encrypt was timed. */
  readonly keys: number;
  /** CreateKey/s while filling from the level below to this one (8 in flight). */
  readonly createKeyPerSecond: number;
  readonly encrypt: { readonly opsPerSecond: number; readonly p50Ms: number; readonly p99Ms: number };
  /** Resident memory of the simulator's processes at this level, after the Encrypt load. */
  readonly memory: ProcessMemory[];
  /** Why the level holds fewer keys than asked, if it does. */
  readonly shortBecause?: string;
}

export async function measureScale(fixture: KmsFixture, settings: BenchSettings): Promise<ScaleLevel[]> {
  const { client, keyId, keySpec, pid } = await fixture.open();
  const keyIds = [keyId];
  const levels: ScaleLevel[] = [];
  const plaintext = randomBytes(32).toString('base64');
  const encrypt: BenchCase = {
    label: fixture.label,
    concurrency: ENCRYPT_CONCURRENCY,
    run: () => client.send('Encrypt', { KeyId: keyIds[Math.floor(Math.random() * keyIds.length)], Plaintext: plaintext }),
  };
  for (const target of SCALE_LEVELS) {
    process.stderr.write(`[bench] kms-scale: filling to ${target} keys ...`);
    const fill = await createKeysUpTo(target, keyIds, () => client.send<{ KeyMetadata: { KeyId: string } }>('CreateKey', keySpec));
    process.stderr.write(` ${fill.perSecond.toFixed(0)} CreateKey/s; timing Encrypt\n`);
    const timing = levels.length === 0 ? { ...settings, warmUpSeconds: Math.max(settings.warmUpSeconds, WARM_UP_SECONDS) } : settings;
    const result = await runBenchmark({ id: `kms-scale-${target}`, title: `Encrypt at ${target} keys`, cases: [encrypt], baseline: fixture.label }, timing);
    const median = result.cases[0]!.median;
    levels.push({
      keys: keyIds.length,
      createKeyPerSecond: fill.perSecond,
      encrypt: median,
      memory: pid === undefined ? [] : memoryOfTree(pid),
      ...(fill.stoppedBy ? { shortBecause: fill.stoppedBy } : {}),
    });
    if (fill.stoppedBy) break;
  }
  return levels;
}

/** Creates keys (8 in flight) until `keyIds` holds `target`; stops early at the first refusal and says why. */
async function createKeysUpTo(
  target: number,
  keyIds: string[],
  createKey: () => Promise<{ KeyMetadata: { KeyId: string } }>,
): Promise<{ perSecond: number; stoppedBy?: string }> {
  let wanted = target - keyIds.length;
  let stoppedBy: string | undefined;
  let created = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (wanted > 0 && stoppedBy === undefined) {
      wanted -= 1;
      try {
        keyIds.push((await createKey()).KeyMetadata.KeyId);
        created += 1;
      } catch (error) {
        stoppedBy = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CREATE_KEY_WORKERS }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: created / seconds, ...(stoppedBy === undefined ? {} : { stoppedBy }) };
}

export function renderScaleMarkdown(levels: readonly ScaleLevel[]): string[] {
  const first = levels[0];
  return [
    `Scale: keys in one custom key store (2 HSMs); CreateKey with ${CREATE_KEY_WORKERS} in flight while filling up to the level; Encrypt 32 B at concurrency ${ENCRYPT_CONCURRENCY} on random keys of the store.`,
    '',
    '| keys | CreateKey/s | Encrypt ops/s | p50 ms | p99 ms | p99 ÷ p99 at the first level | MiB RSS (private): main; HSM nodes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...levels.map((level) => {
      const main = level.memory[0];
      const nodes = level.memory.slice(1).map(formatMemory);
      return (
        `| ${level.keys.toLocaleString('en-US')} | ${level.createKeyPerSecond.toFixed(0)} | ${Math.round(level.encrypt.opsPerSecond).toLocaleString('en-US')} |` +
        ` ${level.encrypt.p50Ms.toPrecision(3)} | ${level.encrypt.p99Ms.toPrecision(3)} | ${first ? (level.encrypt.p99Ms / first.encrypt.p99Ms).toFixed(2) : '–'} |` +
        ` ${main ? formatMemory(main) : '–'}; ${nodes.join(', ') || '–'} |`
      );
    }),
    ...levels.filter((level) => level.shortBecause).map((level) => `\nThe ${level.keys} level stopped short: ${level.shortBecause}`),
  ];
}
