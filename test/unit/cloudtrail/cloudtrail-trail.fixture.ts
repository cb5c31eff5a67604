// The trail over an SQLite database (in memory unless a file is named) and a manual clock.

import 'reflect-metadata';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';
import type { ApiCall } from '../../../src/cloudtrail/api-call-event.builder';
import { CloudTrailRecorder } from '../../../src/cloudtrail/cloudtrail-recorder.service';
import { EventLookupService } from '../../../src/cloudtrail/event-lookup.service';
import { SqliteCloudTrailEventRepository } from '../../../src/cloudtrail/sqlite-cloudtrail-event.repository';
import { DEFAULT_TRAIL_BOUNDS, type TrailBounds } from '../../../src/cloudtrail/trail-bounds';
import { IdGenerator } from '../../../src/shared/ids';
import { kmsModel } from '../../../src/wire';
import { ManualClock } from '../../support/manual-clock';

export const SCOPE = { accountId: '111122223333', region: 'us-east-2' };

export interface Trail {
  readonly database: SqliteDatabase;
  readonly clock: ManualClock;
  readonly recorder: CloudTrailRecorder;
  readonly lookup: EventLookupService;
}

export function createTrail(options: { file?: string; bounds?: TrailBounds; clock?: ManualClock } = {}): Trail {
  const database = new SqliteDatabase(options.file ?? IN_MEMORY);
  const clock = options.clock ?? new ManualClock();
  const events = new SqliteCloudTrailEventRepository(database);
  const bounds = options.bounds ?? DEFAULT_TRAIL_BOUNDS;
  const recorder = new CloudTrailRecorder(events, bounds, new IdGenerator(), clock);
  return { database, clock, recorder, lookup: new EventLookupService(recorder, events, bounds, clock) };
}

/** A KMS call as the endpoint reports it. */
export function kmsCall(operation: string, input: Record<string, unknown>, extra: Partial<ApiCall> = {}): ApiCall {
  return {
    requestId: 'req-1',
    eventSource: 'kms.amazonaws.com',
    operation: kmsModel.operation(operation)!,
    ...SCOPE,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    input: input as ApiCall['input'],
    ...extra,
  };
}
