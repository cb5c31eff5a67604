// Marker pagination of the KMS list operations (aws-behaviour 2.12): NextMarker only when Truncated.

import { InvalidMarkerException } from '../../kms.errors';

export interface MarkerPage<T> {
  readonly items: T[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}

/** SIM: the marker is the offset of the next item, so a list that changes between calls may skip or repeat one. */
export function markerPage<T>(all: readonly T[], limit: number, marker: string | undefined): MarkerPage<T> {
  const start = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0 || start > all.length || (marker !== undefined && String(start) !== marker)) {
    throw new InvalidMarkerException(`Marker ${marker} is not one this service returned: pass the NextMarker of the previous response.`);
  }
  const end = start + limit;
  return end < all.length ? { items: all.slice(start, end), Truncated: true, NextMarker: String(end) } : { items: all.slice(start), Truncated: false };
}
