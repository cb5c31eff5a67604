// Where the last use of each key is kept.

import type { KeyUsageRecord } from './key-usage';

export interface KeyUsageRepository {
  get(keyArn: string): KeyUsageRecord | undefined;
  /** All in one transaction. */
  saveAll(usages: readonly KeyUsageRecord[]): void;
}
