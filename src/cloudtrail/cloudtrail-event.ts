// A CloudTrail event as AWS writes it (cloudtrail-event-reference-record-contents.html, eventVersion 1.08),
// and the few fields LookupEvents filters on, kept beside it.

export const EventType = {
  AwsApiCall: 'AwsApiCall',
  AwsServiceEvent: 'AwsServiceEvent',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** ct-delete-key: a KMS key is always named by its ARN, with type AWS::KMS::Key. */
export const KMS_KEY_RESOURCE_TYPE = 'AWS::KMS::Key';

export interface CloudTrailResource {
  readonly accountId: string;
  readonly type: string;
  readonly ARN: string;
}

export type UserIdentity =
  | {
      readonly type: 'IAMUser';
      readonly principalId: string;
      readonly arn: string;
      readonly accountId: string;
      readonly accessKeyId: string;
      readonly userName: string;
    }
  | { readonly accountId: string; readonly invokedBy: 'AWS Internal' };

/** The record; members absent here are absent from the JSON too, as in AWS's records. */
export interface CloudTrailRecord {
  readonly eventVersion: '1.08';
  readonly userIdentity: UserIdentity;
  /** ISO 8601 to the second, UTC: `2021-10-26T23:41:27Z`. */
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
  readonly additionalEventData?: Readonly<Record<string, unknown>>;
  readonly requestID?: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  readonly resources?: readonly CloudTrailResource[];
  readonly eventType: EventType;
  readonly managementEvent: true;
  readonly recipientAccountId: string;
  readonly eventCategory: 'Management';
}

/** A recorded event: the record's JSON and what LookupEvents filters and answers with. */
export interface StoredEvent {
  readonly eventId: string;
  readonly accountId: string;
  readonly region: string;
  readonly eventTime: Date;
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  /** userIdentity.userName; absent for service events. */
  readonly username?: string;
  readonly accessKeyId?: string;
  readonly resources: readonly { readonly type: string; readonly name: string }[];
  /** JSON.stringify of the CloudTrailRecord. */
  readonly body: string;
}

/** The stored form of a record. */
export function storedEvent(record: CloudTrailRecord, eventTime: Date): StoredEvent {
  const identity = record.userIdentity;
  return {
    eventId: record.eventID,
    accountId: record.recipientAccountId,
    region: record.awsRegion,
    eventTime,
    eventName: record.eventName,
    eventSource: record.eventSource,
    readOnly: record.readOnly,
    ...('userName' in identity ? { username: identity.userName, accessKeyId: identity.accessKeyId } : {}),
    resources: (record.resources ?? []).map((resource) => ({ type: resource.type, name: resource.ARN })),
    body: JSON.stringify(record),
  };
}

/** `2021-10-26T23:41:27Z`: CloudTrail's eventTime has no fraction. */
export function eventTimeText(time: Date): string {
  return `${time.toISOString().slice(0, 19)}Z`;
}
