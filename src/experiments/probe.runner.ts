// The steady-state load: KMS requests started at a fixed rate, open loop (a slow or hung answer never
// delays the next start), each with its own time limit, each recorded in the timeline when it ends.

import { randomBytes } from 'node:crypto';
import type { AwsJson, SignedJsonClient } from '../shared/signed-json.client';
import { outcomeOf } from './aws-clients';
import type { ProbePlan } from './plan.types';
import type { RunContext } from './run-context';
import type { Timeline } from './timeline';

interface KeyAnswer {
  readonly KeyMetadata: { readonly KeyId: string; readonly Arn: string };
}

export class ProbeRunner {
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private input: AwsJson = {};
  private sent = 0;
  private startT = 0;

  constructor(
    private readonly plan: ProbePlan,
    private readonly kms: SignedJsonClient,
    private readonly timeline: Timeline,
  ) {}

  /** Finds or creates the probe's key (and, for Decrypt, a ciphertext to decrypt); fills context.probe. */
  async prepare(context: RunContext, runName: string): Promise<void> {
    const answer =
      this.plan.key === 'create'
        ? await this.kms.send<KeyAnswer>('CreateKey', { CustomKeyStoreId: context.store.id, Origin: 'AWS_CLOUDHSM', Description: `cloudhsm-sim experiment ${runName}: probe key` })
        : await this.kms.send<KeyAnswer>('DescribeKey', { KeyId: this.plan.key });
    context.probe = { keyId: answer.KeyMetadata.KeyId, keyArn: answer.KeyMetadata.Arn };
    const keyId = answer.KeyMetadata.Arn;
    const plaintext = randomBytes(this.plan.plaintextBytes).toString('base64');
    switch (this.plan.operation) {
      case 'Encrypt':
        this.input = { KeyId: keyId, Plaintext: plaintext };
        break;
      case 'Decrypt': {
        const { CiphertextBlob } = await this.kms.send<{ CiphertextBlob: string }>('Encrypt', { KeyId: keyId, Plaintext: plaintext });
        this.input = { KeyId: keyId, CiphertextBlob };
        break;
      }
      case 'GenerateDataKey':
        this.input = { KeyId: keyId, NumberOfBytes: this.plan.plaintextBytes };
        break;
    }
  }

  start(): void {
    this.startT = this.timeline.now();
    const tickMs = Math.max(1, Math.min(20, 1000 / this.plan.ratePerSecond / 2));
    this.timer = setInterval(() => this.tick(), tickMs);
  }

  /** Stops starting requests; resolves once those in flight have ended (at most one time limit later). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private tick(): void {
    const due = Math.floor(((this.timeline.now() - this.startT) / 1000) * this.plan.ratePerSecond) + 1;
    while (this.sent < due) {
      this.sent += 1;
      this.fire();
    }
  }

  private fire(): void {
    const t = this.timeline.now();
    const request = this.kms.send(this.plan.operation, this.input, this.plan.timeoutSeconds * 1000).then(
      () => 'ok',
      (error: unknown) => outcomeOf(error),
    );
    const recorded = request.then((outcome) => {
      this.timeline.requests.push({ t, latencyMs: Math.round((this.timeline.now() - t) * 1000) / 1000, outcome });
      this.inFlight.delete(recorded);
    });
    this.inFlight.add(recorded);
  }
}
