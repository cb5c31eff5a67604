// Records the trail: an AwsApiCall event for every KMS and CloudHSM V2 call the endpoint answered, and the
// service events KMS writes on its own (KeyServiceEvents). Events are held in memory and written in one
// transaction by flush() (the composition root calls it every second and at stop; LookupEvents calls it
// first), so a request never waits for a commit of its own. A flush also drops what is beyond the bounds.

import { inject, injectable } from 'tsyringe';
import type { KeyServiceEvent, KeyServiceEvents } from '../kms/ports/key-service-events.port';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { Tokens } from '../shared/injection-tokens';
import { type ApiCall, apiCallRecord } from './api-call-event.builder';
import { type StoredEvent, storedEvent } from './cloudtrail-event';
import type { CloudTrailEventRepository } from './cloudtrail-event.repository';
import { CloudTrailTokens } from './cloudtrail.tokens';
import { serviceEventRecord } from './service-event.builder';
import { DAY_MS, type TrailBounds } from './trail-bounds';

@injectable()
export class CloudTrailRecorder implements KeyServiceEvents {
  private pending: StoredEvent[] = [];

  constructor(
    @inject(CloudTrailTokens.EventRepository) private readonly events: CloudTrailEventRepository,
    @inject(CloudTrailTokens.Bounds) private readonly bounds: TrailBounds,
    @inject(CloudTrailTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: Clock,
  ) {}

  /** An answered call; its time is now on the simulated clock, so it lines up with DeletionDate and the like. */
  recordApiCall(call: ApiCall): void {
    const eventTime = this.clock.now();
    this.pending.push(storedEvent(apiCallRecord(call, this.ids.uuid(), eventTime), eventTime));
  }

  keyEvent(event: KeyServiceEvent): void {
    this.pending.push(storedEvent(serviceEventRecord(event, this.ids.uuid()), event.eventTime));
  }

  /** Writes the events recorded since the last flush, then drops those older than the retention or beyond the cap. */
  flush(): void {
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.events.append(events);
    this.events.prune(new Date(this.clock.now().getTime() - this.bounds.retentionDays * DAY_MS), this.bounds.maxEvents);
  }
}
