// The AwsApiCall record of one answered KMS or CloudHSM V2 request, success or error
// (cloudtrail-event-reference-record-contents.html; ct-createkey, ct-encrypt for KMS's own examples).

import type { WireStructure } from '../wire';
import type { OperationModel } from '../wire/service-model';
import { type CloudTrailRecord, EventType, eventTimeText } from './cloudtrail-event';
import { cloudTrailValue } from './cloudtrail-values';
import { keyResources } from './event-resources';
import { isReadOnly, showsResponse } from './recorded-operations.rules';

/** What the endpoint knew of an answered call. */
export interface ApiCall {
  readonly requestId: string;
  readonly eventSource: string;
  readonly operation: OperationModel;
  readonly accountId: string;
  readonly region: string;
  /** Undefined for an unsigned request (accepted outside strict mode). */
  readonly accessKeyId: string | undefined;
  readonly sourceIpAddress?: string;
  readonly userAgent?: string;
  /** The validated input; undefined when the request failed before (a validation error). */
  readonly input?: WireStructure;
  readonly output?: unknown;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** SIM: the unsigned caller's name in userIdentity. */
export const ANONYMOUS = 'anonymous';

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is shown as `127.0.0.1`. */
function plainAddress(address: string | undefined): string {
  if (address === undefined) return 'AWS Internal';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/** null when nothing is left (no members, or all of them secret). */
function shown(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  return value;
}

export function apiCallRecord(call: ApiCall, eventId: string, eventTime: Date): CloudTrailRecord {
  const { operation, accountId, region } = call;
  // SIM: every caller is an IAM user named after its access key id (the simulator has no IAM).
  const user = call.accessKeyId ?? ANONYMOUS;
  const failed = call.errorCode !== undefined;
  const requestParameters = operation.input && call.input ? cloudTrailValue(operation.input, call.input) : undefined;
  const responseElements = !failed && showsResponse(operation.name) && operation.output ? cloudTrailValue(operation.output, call.output) : undefined;
  const resources = keyResources(call.eventSource, call.input, call.output, accountId, region);
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: user, arn: `arn:aws:iam::${accountId}:user/${user}`, accountId, accessKeyId: user, userName: user },
    eventTime: eventTimeText(eventTime),
    eventSource: call.eventSource,
    eventName: operation.name,
    awsRegion: region,
    sourceIPAddress: plainAddress(call.sourceIpAddress),
    userAgent: call.userAgent ?? 'AWS Internal',
    ...(failed ? { errorCode: call.errorCode, ...(call.errorMessage ? { errorMessage: call.errorMessage } : {}) } : {}),
    requestParameters: shown(requestParameters),
    responseElements: shown(responseElements),
    requestID: call.requestId,
    eventID: eventId,
    readOnly: isReadOnly(operation.name),
    ...(resources.length > 0 ? { resources } : {}),
    eventType: EventType.AwsApiCall,
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
}
