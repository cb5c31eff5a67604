// Mixed load from several clients until told to stop: CreateKey, Encrypt/Decrypt, GenerateDataKey,
// CreateAlias, ScheduleKeyDeletion/CancelKeyDeletion, Disconnect/Connect of the key store, CreateHsm/
// DeleteHsm. Each client signs its requests (SignedJsonClient) and writes what it was acknowledged to
// the ledger; a request that got no answer (the simulator died) leaves its outcome unknown.

import { randomBytes } from 'node:crypto';
import { type SeededRandom } from '../../hsm-sim/faults/seeded-random';
import { AwsServiceError, CLOUDHSM_V2_SERVICE, KMS_SERVICE, SignedJsonClient, type AwsJson } from '../../src/shared/signed-json.client';
import type { KeyState, TortureLedger } from './torture-ledger';
import { sleep } from './simulator-under-test';

const REGION = 'us-east-1';
const REQUEST_TIMEOUT_MS = 30_000;

export interface LoadTarget {
  readonly endpoint: string;
  readonly customKeyStoreId: string;
  readonly clusterId: string;
}

export class LoadMix {
  private stopped = false;
  private readonly kms: SignedJsonClient;
  private readonly cloudhsm: SignedJsonClient;
  private readonly running: Promise<void>[] = [];
  private aliasCounter = 0;

  constructor(
    private readonly target: LoadTarget,
    private readonly ledger: TortureLedger,
    private readonly random: SeededRandom,
    private readonly tag: string,
  ) {
    this.kms = new SignedJsonClient(target.endpoint, KMS_SERVICE, { region: REGION, maxSockets: 32 });
    this.cloudhsm = new SignedJsonClient(target.endpoint, CLOUDHSM_V2_SERVICE, { region: REGION, maxSockets: 4 });
  }

  /** Starts the clients: crypto workers, a key-deletion worker, and (when asked) store and HSM churn. */
  start(options: { cryptoWorkers: number; churn: boolean }): void {
    for (let index = 0; index < options.cryptoWorkers; index += 1) this.running.push(this.loop(() => this.cryptoStep()));
    this.running.push(this.loop(() => this.deletionStep()));
    if (options.churn) {
      this.running.push(this.loop(() => this.storeChurnStep()));
      this.running.push(this.loop(() => this.hsmChurnStep()));
    }
  }

  /** A write-heavy burst: `count` CreateKey requests in flight at once. */
  burst(count: number): void {
    for (let index = 0; index < count; index += 1) this.running.push(this.createKey(false).then(() => undefined));
  }

  /** Stops issuing requests; resolves when every client has returned (answers or failures). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running);
    this.kms.destroy();
    this.cloudhsm.destroy();
  }

  private async loop(step: () => Promise<void>): Promise<void> {
    while (!this.stopped) {
      await step().catch(() => undefined);
      await sleep(5);
    }
  }

  private async cryptoStep(): Promise<void> {
    const keys = this.ledger.enabledCryptoKeys();
    const draw = this.random.next();
    if (keys.length === 0 || draw < 0.2) {
      await this.createKey(false);
      return;
    }
    const key = keys[Math.floor(this.random.next() * keys.length)]!;
    if (draw < 0.55) {
      const plaintext = randomBytes(1 + Math.floor(this.random.next() * 64)).toString('base64');
      const answer = await this.call(this.kms, 'Encrypt', { KeyId: key.keyId, Plaintext: plaintext });
      if (answer) this.ledger.ciphertexts.push({ keyId: key.keyId, ciphertextBase64: answer.CiphertextBlob as string, plaintextBase64: plaintext });
    } else if (draw < 0.75) {
      const answer = await this.call(this.kms, 'GenerateDataKey', { KeyId: key.keyId, KeySpec: 'AES_256' });
      if (answer) this.ledger.ciphertexts.push({ keyId: key.keyId, ciphertextBase64: answer.CiphertextBlob as string, plaintextBase64: answer.Plaintext as string });
    } else if (draw < 0.85 && this.ledger.ciphertexts.length > 0) {
      const sealed = this.ledger.ciphertexts[Math.floor(this.random.next() * this.ledger.ciphertexts.length)]!;
      await this.call(this.kms, 'Decrypt', { CiphertextBlob: sealed.ciphertextBase64 });
    } else {
      const name = `alias/torture-${this.tag}-${(this.aliasCounter += 1)}`;
      if (await this.call(this.kms, 'CreateAlias', { AliasName: name, TargetKeyId: key.keyId })) this.ledger.aliases.set(name, key.keyId);
    }
  }

  /** One key at a time: created, scheduled for deletion, cancelled - each change recorded only once acknowledged. */
  private async deletionStep(): Promise<void> {
    const candidates = [...this.ledger.keys.values()].filter((key) => key.forDeletion && key.states.size === 1 && !key.states.has('Deleted'));
    if (candidates.length < 2 || this.random.chance(0.3)) {
      await this.createKey(true);
      return;
    }
    // Now and then the simulated clock moves past the 7-day windows: the deletions run (KMS record, then the backing key).
    if (this.random.chance(0.05)) {
      const outcome = await this.advanceClock(8 * 24 * 60 * 60);
      if (outcome !== 'refused') this.ledger.windowsEnded(outcome === 'acknowledged');
      return;
    }
    const key = candidates[Math.floor(this.random.next() * candidates.length)]!;
    const [state] = key.states;
    const change = async (operation: string, input: AwsJson, next: KeyState): Promise<void> => {
      if (this.stopped) return;
      key.states.add(next);
      const outcome = await this.outcome(this.kms, operation, input);
      // Acknowledged: the new state for sure; refused (4xx): the old one; no answer (or a 5xx): either.
      if (outcome.kind === 'acknowledged') key.states = new Set([next]);
      else if (outcome.kind === 'refused') key.states = new Set([state!]);
    };
    if (state === 'PendingDeletion') await change('CancelKeyDeletion', { KeyId: key.keyId }, 'Disabled');
    else await change('ScheduleKeyDeletion', { KeyId: key.keyId, PendingWindowInDays: 7 }, 'PendingDeletion');
  }

  private async storeChurnStep(): Promise<void> {
    await sleep(300 + this.random.next() * 1_500);
    await this.call(this.kms, 'DisconnectCustomKeyStore', { CustomKeyStoreId: this.target.customKeyStoreId });
    await sleep(100 + this.random.next() * 300);
    await this.call(this.kms, 'ConnectCustomKeyStore', { CustomKeyStoreId: this.target.customKeyStoreId });
  }

  private async hsmChurnStep(): Promise<void> {
    await sleep(500 + this.random.next() * 2_000);
    const created = await this.call(this.cloudhsm, 'CreateHsm', { ClusterId: this.target.clusterId, AvailabilityZone: `${REGION}c` });
    const hsmId = (created?.Hsm as { HsmId?: string } | undefined)?.HsmId;
    if (!hsmId) return;
    await sleep(200 + this.random.next() * 1_000);
    await this.call(this.cloudhsm, 'DeleteHsm', { ClusterId: this.target.clusterId, HsmId: hsmId });
  }

  /** POST /_sim/clock/advance: acknowledged (200), refused (4xx), or unknown (no answer, or a 5xx). */
  private async advanceClock(seconds: number): Promise<CallOutcome['kind']> {
    if (this.stopped) return 'refused';
    try {
      const response = await fetch(`${this.target.endpoint}/_sim/clock/advance`, { method: 'POST', body: JSON.stringify({ seconds }), headers: { 'content-type': 'application/json' } });
      const text = await response.text();
      if (response.status === 200) {
        this.ledger.acknowledged += 1;
        return 'acknowledged';
      }
      if (response.status < 500) return 'refused';
      this.ledger.serverErrors += 1;
      this.ledger.serverErrorSamples.push(`POST /_sim/clock/advance: ${response.status} ${text.slice(0, 200)}`);
      return 'unknown';
    } catch {
      return 'unknown';
    }
  }

  private async createKey(forDeletion: boolean): Promise<void> {
    const answer = await this.call(this.kms, 'CreateKey', { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: this.target.customKeyStoreId, Description: `torture ${this.tag}` });
    const metadata = answer?.KeyMetadata as { KeyId: string; Arn: string } | undefined;
    if (metadata) this.ledger.addKey(metadata.KeyId, metadata.Arn, forDeletion);
  }

  /** The answer if acknowledged (200); undefined otherwise. */
  private async call(client: SignedJsonClient, operation: string, input: AwsJson): Promise<AwsJson | undefined> {
    const outcome = await this.outcome(client, operation, input);
    return outcome.kind === 'acknowledged' ? outcome.answer : undefined;
  }

  private async outcome(client: SignedJsonClient, operation: string, input: AwsJson): Promise<CallOutcome> {
    if (this.stopped) return { kind: 'unknown' };
    return sendCounted(client, this.ledger, operation, input);
  }
}

export type CallOutcome = { readonly kind: 'acknowledged'; readonly answer: AwsJson } | { readonly kind: 'refused'; readonly error: AwsServiceError } | { readonly kind: 'unknown'; readonly error?: unknown };

/**
 * One request: acknowledged (200; counted unless it is one of the checks'), refused (4xx), or unknown
 * (no answer, or a 5xx - counted and kept as a sample).
 */
export async function sendCounted(client: SignedJsonClient, ledger: TortureLedger, operation: string, input: AwsJson, load = true): Promise<CallOutcome> {
  try {
    const answer = await client.send(operation, input, REQUEST_TIMEOUT_MS);
    if (load) ledger.acknowledged += 1;
    return { kind: 'acknowledged', answer };
  } catch (error) {
    if (error instanceof AwsServiceError && error.statusCode >= 400 && error.statusCode < 500) return { kind: 'refused', error };
    if (error instanceof AwsServiceError) {
      ledger.serverErrors += 1;
      if (ledger.serverErrorSamples.length < 20) ledger.serverErrorSamples.push(`${operation}: ${error.statusCode} ${error.name} ${error.message}`);
    }
    return { kind: 'unknown', error };
  }
}
