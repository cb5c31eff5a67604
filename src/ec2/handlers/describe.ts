// What every Describe operation does with ids and pages: unknown ids fail the call, and MaxResults /
// NextToken cut the answer into pages.

import type { AwsException } from '../../shared/aws-exception';
import { InvalidPaginationToken } from '../domain/ec2.errors';

/** The resources named by `ids` (all of them when absent), or the error for the ids that do not exist. */
export function selectByIds<T>(
  resources: readonly T[],
  ids: readonly string[] | undefined,
  idOf: (resource: T) => string,
  notFound: (missing: string[]) => AwsException,
): readonly T[] {
  if (ids === undefined || ids.length === 0) return resources;
  const missing = [...new Set(ids)].filter((id) => !resources.some((resource) => idOf(resource) === id));
  if (missing.length > 0) throw notFound(missing);
  return resources.filter((resource) => ids.includes(idOf(resource)));
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

// SIM: AWS's NextToken is opaque; the simulator's carries the offset of the next page.
export function paginate<T>(items: readonly T[], maxResults: number | undefined, nextToken: string | undefined): Page<T> {
  const start = nextToken === undefined ? 0 : offsetOf(nextToken);
  const end = maxResults === undefined ? items.length : start + maxResults;
  const page = items.slice(start, end);
  return end < items.length ? { items: page, nextToken: Buffer.from(`offset:${end}`).toString('base64') } : { items: page };
}

/** NextToken for the response, when there is a next page. */
export function nextTokenOf(page: Page<unknown>): { NextToken?: string } {
  return page.nextToken === undefined ? {} : { NextToken: page.nextToken };
}

function offsetOf(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString());
  if (!match) throw new InvalidPaginationToken('The specified pagination token is not valid or is expired.');
  return Number(match[1]);
}
