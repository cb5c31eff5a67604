// The last cryptographic use of a key (API_GetKeyLastUsage, API_KeyLastUsageData).

export interface KeyUsageRecord {
  readonly [key: string]: unknown;
  readonly keyArn: string;
  readonly operation: string;
  readonly timestamp: Date;
  readonly requestId?: string;
}
