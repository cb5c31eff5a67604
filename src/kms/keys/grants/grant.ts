// A grant on a KMS key (API_CreateGrant, API_GrantListEntry), as the simulator keeps it.

import type { EncryptionContext } from '../domain/encryption-context';

export interface GrantConstraints {
  readonly EncryptionContextEquals?: EncryptionContext;
  readonly EncryptionContextSubset?: EncryptionContext;
}

export interface GrantRecord {
  readonly [key: string]: unknown;
  readonly grantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly keyId: string;
  readonly keyArn: string;
  readonly creationDate: Date;
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  readonly operations: readonly string[];
  readonly constraints?: GrantConstraints;
  readonly name?: string;
  /** SHA-256 (hex) of every grant token CreateGrant returned for this grant. */
  readonly tokenDigests: readonly string[];
}
