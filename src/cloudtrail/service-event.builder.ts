// The AwsServiceEvent records KMS writes on its own (ct-delete-key, ct-rotatekey,
// ct-delete-expired-key-material): no caller, `invokedBy: "AWS Internal"`, the key in `resources`.

import { createHash } from 'node:crypto';
import type { BackingKeyFate, KeyServiceEvent } from '../kms/ports/key-service-events.port';
import { type CloudTrailRecord, EventType, eventTimeText, KMS_KEY_RESOURCE_TYPE } from './cloudtrail-event';

const AWS_INTERNAL = 'AWS Internal';

/**
 * SIM: KMS's opaque backingKeyId is not documented; this one is stable, derived from the key ARN and handle,
 * so the same backing key always has the same id.
 */
export function backingKeyId(keyArn: string, handle: number): string {
  return createHash('sha256').update(`${keyArn}:${handle}`).digest('hex');
}

/**
 * aws-behaviour 4.3, ct-delete-key: `backingKeys` and `backingKeysDeletionStatus` are JSON strings of lists;
 * deletionStatus is SUCCESS or FAILURE. SIM: a backing key already gone from the cluster counts as SUCCESS.
 */
function deleteKeyData(keyArn: string, backing: BackingKeyFate): Record<string, unknown> {
  const keyHandle = String(backing.handle);
  const id = backingKeyId(keyArn, backing.handle);
  const deletionStatus = backing.deletion === 'failed' ? 'FAILURE' : 'SUCCESS';
  return {
    customKeyStoreId: backing.customKeyStoreId,
    clusterId: backing.cloudHsmClusterId,
    backingKeys: JSON.stringify([{ keyHandle, backingKeyId: id }]),
    backingKeysDeletionStatus: JSON.stringify([{ keyHandle, backingKeyId: id, deletionStatus }]),
  };
}

export function serviceEventRecord(event: KeyServiceEvent, eventId: string): CloudTrailRecord {
  const { accountId, region, keyArn } = event;
  return {
    eventVersion: '1.08',
    userIdentity: { accountId, invokedBy: AWS_INTERNAL },
    eventTime: eventTimeText(event.eventTime),
    eventSource: 'kms.amazonaws.com',
    eventName: event.kind,
    awsRegion: region,
    sourceIPAddress: AWS_INTERNAL,
    userAgent: AWS_INTERNAL,
    requestParameters: null,
    // ct-delete-key: "entries recorded on or after December 2022 include the key ARN ... in the responseElements.keyId value".
    responseElements: event.kind === 'DeleteKey' ? { keyId: keyArn } : null,
    ...(event.kind === 'DeleteKey' && event.backingKey ? { additionalEventData: deleteKeyData(keyArn, event.backingKey) } : {}),
    // SIM: the keyMaterialId of a rotation or an expiry is not shown (AWS's examples differ between versions).
    eventID: eventId,
    readOnly: false,
    resources: [{ accountId, type: KMS_KEY_RESOURCE_TYPE, ARN: keyArn }],
    eventType: EventType.AwsServiceEvent,
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
}
