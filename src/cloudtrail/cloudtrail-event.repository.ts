// Where recorded events are kept (sqlite-cloudtrail-event.repository.ts in the simulator).

import type { StoredEvent } from './cloudtrail-event';

/** LookupAttributeKey of the CloudTrail model. */
export type LookupAttributeKey = 'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';

/** Where a page ended: the last event returned (events come newest first). */
export interface EventCursor {
  readonly time: number;
  readonly seq: number;
}

export interface EventQuery {
  readonly accountId: string;
  readonly region: string;
  /** Inclusive bounds on the event time. */
  readonly start: Date;
  readonly end: Date;
  readonly attribute?: { readonly key: LookupAttributeKey; readonly value: string };
  /** Only events older than this one. */
  readonly after?: EventCursor;
  readonly limit: number;
}

export interface FoundEvent {
  readonly event: StoredEvent;
  readonly cursor: EventCursor;
}

export interface CloudTrailEventRepository {
  append(events: readonly StoredEvent[]): void;
  /** Newest first. */
  find(query: EventQuery): FoundEvent[];
  /** Drops events older than `before`, then the oldest beyond the newest `keepAtMost`; answers how many went. */
  prune(before: Date, keepAtMost: number): number;
}
