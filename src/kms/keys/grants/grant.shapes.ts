// The requests and responses of the grant operations, with the KMS model's member names.

import type { GrantConstraints } from './grant';

type Listing = { readonly Limit?: number; readonly Marker?: string };
type Listed = { readonly Truncated: boolean; readonly NextMarker?: string };

export interface CreateGrantRequest {
  readonly KeyId: string;
  readonly GranteePrincipal: string;
  readonly RetiringPrincipal?: string;
  readonly Operations: readonly string[];
  readonly Constraints?: GrantConstraints;
  readonly GrantTokens?: readonly string[];
  readonly Name?: string;
  readonly DryRun?: boolean;
}
export interface CreateGrantResponse {
  readonly GrantId: string;
  readonly GrantToken: string;
}

export type ListGrantsRequest = Listing & { readonly KeyId: string; readonly GrantId?: string; readonly GranteePrincipal?: string };
export type ListRetirableGrantsRequest = Listing & { readonly RetiringPrincipal: string };

export interface GrantListEntry {
  readonly KeyId: string;
  readonly GrantId: string;
  readonly Name?: string;
  readonly CreationDate: Date;
  readonly GranteePrincipal: string;
  readonly RetiringPrincipal?: string;
  readonly IssuingAccount: string;
  readonly Operations: readonly string[];
  readonly Constraints?: GrantConstraints;
}
export interface ListGrantsResponse extends Listed {
  readonly Grants: GrantListEntry[];
}

export interface RetireGrantRequest {
  readonly GrantToken?: string;
  readonly KeyId?: string;
  readonly GrantId?: string;
  readonly DryRun?: boolean;
}
export interface RevokeGrantRequest {
  readonly KeyId: string;
  readonly GrantId: string;
  readonly DryRun?: boolean;
}
