// requests-per-second (rps-key-stores): an AWS CloudHSM key store takes at most 1,800 cryptographic
// requests per second, not adjustable; above it KMS answers ThrottlingException (aws-behaviour 2.9, 8.1).
// A token bucket per store, on the injected clock, so tests can run it deterministically.
// SIM: `--key-store-request-rate` sets another limit, 0 none, for load tests that want the simulator's
// own ceiling rather than AWS's quota.

import type { Clock } from '../../shared/clock';
import { ThrottlingException } from '../kms.errors';

export const KEY_STORE_REQUESTS_PER_SECOND = 1_800;

interface Bucket {
  tokens: number;
  refilledAt: number;
}

export class StoreRequestRate {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    /** 0: no limit. */
    private readonly perSecond = KEY_STORE_REQUESTS_PER_SECOND,
  ) {}

  /** Counts one request against the store's quota; throws ThrottlingException when there is none left. */
  take(customKeyStoreId: string): void {
    if (this.perSecond === 0) return;
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(customKeyStoreId) ?? { tokens: this.perSecond, refilledAt: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + ((now - bucket.refilledAt) / 1000) * this.perSecond);
    bucket.refilledAt = now;
    this.buckets.set(customKeyStoreId, bucket);
    if (bucket.tokens < 1) throw new ThrottlingException('You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.');
    bucket.tokens -= 1;
  }
}
