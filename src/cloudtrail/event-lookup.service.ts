// LookupEvents (API_LookupEvents): the events of the caller's account and Region, newest first, filtered by
// at most one lookup attribute and a time range, in pages of MaxResults (default 50).

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../shared/clock';
import { Tokens } from '../shared/injection-tokens';
import type { StoredEvent } from './cloudtrail-event';
import type { CloudTrailEventRepository, LookupAttributeKey } from './cloudtrail-event.repository';
import { InvalidLookupAttributesException, InvalidTimeRangeException } from './cloudtrail.errors';
import { CloudTrailRecorder } from './cloudtrail-recorder.service';
import { CloudTrailTokens } from './cloudtrail.tokens';
import { decodeToken, encodeToken, filterDigest } from './lookup-token';
import { DAY_MS, type TrailBounds } from './trail-bounds';

/** API_LookupEvents MaxResults: "The default is 50". */
const DEFAULT_MAX_RESULTS = 50;
/** The latest time a Date can hold: no upper bound. */
const END_OF_TIME = new Date(8.64e15);

export interface LookupEventsRequest {
  readonly LookupAttributes?: readonly { readonly AttributeKey: LookupAttributeKey; readonly AttributeValue: string }[];
  readonly StartTime?: Date;
  readonly EndTime?: Date;
  readonly EventCategory?: 'insight';
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export interface LookupEventsEvent {
  readonly EventId: string;
  readonly EventName: string;
  readonly ReadOnly: string;
  readonly AccessKeyId?: string;
  readonly EventTime: Date;
  readonly EventSource: string;
  readonly Username?: string;
  readonly Resources: readonly { readonly ResourceType: string; readonly ResourceName: string }[];
  readonly CloudTrailEvent: string;
}

export interface LookupEventsResponse {
  readonly Events: readonly LookupEventsEvent[];
  readonly NextToken?: string;
}

function lookupEvent(event: StoredEvent): LookupEventsEvent {
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    ...(event.accessKeyId !== undefined ? { AccessKeyId: event.accessKeyId } : {}),
    EventTime: event.eventTime,
    EventSource: event.eventSource,
    ...(event.username !== undefined ? { Username: event.username } : {}),
    Resources: event.resources.map((resource) => ({ ResourceType: resource.type, ResourceName: resource.name })),
    CloudTrailEvent: event.body,
  };
}

@injectable()
export class EventLookupService {
  constructor(
    @inject(CloudTrailRecorder) private readonly recorder: CloudTrailRecorder,
    @inject(CloudTrailTokens.EventRepository) private readonly events: CloudTrailEventRepository,
    @inject(CloudTrailTokens.Bounds) private readonly bounds: TrailBounds,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  lookupEvents(scope: { readonly accountId: string; readonly region: string }, input: LookupEventsRequest): LookupEventsResponse {
    const attributes = input.LookupAttributes ?? [];
    // API_LookupEvents: "Currently the list can contain only one item."
    if (attributes.length > 1) throw new InvalidLookupAttributesException('You can specify only one lookup attribute in a LookupEvents request.');
    // API_LookupEvents InvalidTimeRangeException: "the specified start time is after the specified end time".
    if (input.StartTime && input.EndTime && input.StartTime.getTime() > input.EndTime.getTime()) {
      throw new InvalidTimeRangeException('Start time must not be after end time.');
    }
    const digest = filterDigest([attributes, input.StartTime?.getTime(), input.EndTime?.getTime(), input.EventCategory]);
    const after = input.NextToken === undefined ? undefined : decodeToken(input.NextToken, digest);
    // SIM: there are no Insights events; asking for them finds none.
    if (input.EventCategory === 'insight') return { Events: [] };
    this.recorder.flush();
    // Event history keeps the last 90 days (of the simulated clock), whatever StartTime asks for.
    const oldest = this.clock.now().getTime() - this.bounds.retentionDays * DAY_MS;
    const start = new Date(Math.max(oldest, input.StartTime?.getTime() ?? oldest));
    const limit = input.MaxResults ?? DEFAULT_MAX_RESULTS;
    const attribute = attributes[0] ? { key: attributes[0].AttributeKey, value: attributes[0].AttributeValue } : undefined;
    const found = this.events.find({ ...scope, start, end: input.EndTime ?? END_OF_TIME, limit: limit + 1, ...(attribute ? { attribute } : {}), ...(after ? { after } : {}) });
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      Events: page.map(({ event }) => lookupEvent(event)),
      ...(found.length > limit && last ? { NextToken: encodeToken(last.cursor, digest) } : {}),
    };
  }
}
