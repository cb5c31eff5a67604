// DescribeCustomKeyStores (aws-behaviour 2.4): by id, by name, or all, a page at a time.

import { inject, injectable } from 'tsyringe';
import { CustomKeyStoreNotFoundException, InvalidMarkerException, ValidationException } from '../kms.errors';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { AccountRegion, CustomKeyStoreRecord } from './domain/custom-key-store';
import { customKeyStoreView, type CustomKeyStoresListEntry } from './domain/custom-key-store.view';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';
import { requireStore } from './require-store';

// SIM: the default page size is not documented; ListKeys' is 100.
const DEFAULT_LIMIT = 100;
const MARKER = /^cks-page:(\d+):(cks-[0-9a-f]+)$/;

export interface DescribeCustomKeyStoresInput {
  readonly CustomKeyStoreId?: string;
  readonly CustomKeyStoreName?: string;
  readonly Limit?: number;
  readonly Marker?: string;
}

export interface DescribeCustomKeyStoresOutput {
  readonly CustomKeyStores: CustomKeyStoresListEntry[];
  readonly NextMarker?: string;
  readonly Truncated: boolean;
}

@injectable()
export class CustomKeyStoreQueryService {
  constructor(@inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository) {}

  describeCustomKeyStores(scope: AccountRegion, input: DescribeCustomKeyStoresInput): DescribeCustomKeyStoresOutput {
    const matching = this.matching(scope, input);
    const start = input.Marker === undefined ? 0 : matching.findIndex((store) => isAfter(store, decodeMarker(input.Marker!)));
    const rest = start < 0 ? [] : matching.slice(start);
    const page = rest.slice(0, input.Limit ?? DEFAULT_LIMIT);
    const truncated = rest.length > page.length;
    return {
      CustomKeyStores: page.map(customKeyStoreView),
      ...(truncated ? { NextMarker: encodeMarker(page[page.length - 1]!) } : {}),
      Truncated: truncated,
    };
  }

  /** The Regions where the account has custom key stores (the web console's Region picker). */
  regionsInUse(accountId: string): string[] {
    return [...new Set(this.repository.all().filter((store) => store.accountId === accountId).map((store) => store.region))];
  }

  private matching(scope: AccountRegion, input: DescribeCustomKeyStoresInput): CustomKeyStoreRecord[] {
    const { CustomKeyStoreId: id, CustomKeyStoreName: name } = input;
    // SIM (open question 25): giving both is a ValidationException.
    if (id !== undefined && name !== undefined) throw new ValidationException('Specify either CustomKeyStoreId or CustomKeyStoreName, not both.');
    if (id !== undefined) return [requireStore(this.repository, scope, id)];
    const stores = this.repository.list(scope.accountId, scope.region).sort(byCreation);
    if (name === undefined) return stores;
    // SIM (open question 25): an unknown name is CustomKeyStoreNotFoundException, as an unknown id is.
    const named = stores.filter((store) => store.name === name);
    if (named.length === 0) {
      throw new CustomKeyStoreNotFoundException(`There is no custom key store named ${name} in account ${scope.accountId}, Region ${scope.region}. Names are case-sensitive; omit the name to list them all.`);
    }
    return named;
  }
}

interface Position {
  readonly created: number;
  readonly customKeyStoreId: string;
}

function byCreation(a: CustomKeyStoreRecord, b: CustomKeyStoreRecord): number {
  return a.creationDate.getTime() - b.creationDate.getTime() || a.customKeyStoreId.localeCompare(b.customKeyStoreId);
}

function isAfter(store: CustomKeyStoreRecord, position: Position): boolean {
  const created = store.creationDate.getTime();
  return created > position.created || (created === position.created && store.customKeyStoreId > position.customKeyStoreId);
}

/** Opaque to callers: where the last page ended, so stores deleted in between do not shift the next page. */
function encodeMarker(last: CustomKeyStoreRecord): string {
  return Buffer.from(`cks-page:${last.creationDate.getTime()}:${last.customKeyStoreId}`).toString('base64');
}

function decodeMarker(marker: string): Position {
  const match = MARKER.exec(Buffer.from(marker, 'base64').toString('utf8'));
  if (!match) throw new InvalidMarkerException('The Marker is not one this operation returned. Start again without a Marker.');
  return { created: Number(match[1]), customKeyStoreId: match[2]! };
}
