// Where grants are kept.

import type { GrantRecord } from './grant';

export interface GrantRepository {
  getGrant(grantId: string): GrantRecord | undefined;
  /** The grants of one key, oldest first. */
  grantsOf(accountId: string, region: string, keyId: string): GrantRecord[];
  /** Every grant of one account and Region, oldest first. */
  grantsIn(accountId: string, region: string): GrantRecord[];
  saveGrant(grant: GrantRecord): void;
  deleteGrant(grantId: string): void;
  deleteGrantsOf(accountId: string, region: string, keyId: string): void;
}
