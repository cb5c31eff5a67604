// `aws cloudtrail lookup-events` against the simulator, as a user finds events: the unmodified CLI, its
// own pagination, and each event's CloudTrailEvent parsed.

import { AwsCli } from '../../e2e/support/aws-cli';

export interface LookedUpEvent {
  readonly EventId: string;
  readonly EventName: string;
  readonly ReadOnly: string;
  readonly AccessKeyId?: string;
  readonly EventTime: number | string;
  readonly EventSource: string;
  readonly Username?: string;
  readonly Resources?: { ResourceType: string; ResourceName: string }[];
  readonly CloudTrailEvent: string;
}

export interface TrailRecord {
  readonly eventName: string;
  readonly eventType: string;
  readonly eventSource: string;
  readonly eventTime: string;
  readonly readOnly: boolean;
  readonly userIdentity: Record<string, unknown>;
  readonly requestParameters: Record<string, unknown> | null;
  readonly responseElements: Record<string, unknown> | null;
  readonly additionalEventData?: Record<string, string>;
  readonly resources?: { accountId: string; type: string; ARN: string }[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly [field: string]: unknown;
}

export class TrailLookup {
  readonly cli: AwsCli;

  constructor(endpoint: string, region = 'us-east-2') {
    this.cli = new AwsCli(endpoint, region);
  }

  /** Every page (the CLI follows NextToken itself). */
  async events(...args: string[]): Promise<LookedUpEvent[]> {
    const { Events } = await this.cli.json<{ Events: LookedUpEvent[] }>('cloudtrail', 'lookup-events', ...args);
    return Events;
  }

  async byEventName(name: string): Promise<LookedUpEvent[]> {
    return this.events('--lookup-attributes', `AttributeKey=EventName,AttributeValue=${name}`);
  }
}

export function recordOf(event: LookedUpEvent): TrailRecord {
  return JSON.parse(event.CloudTrailEvent) as TrailRecord;
}
