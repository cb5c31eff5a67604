// How much of the trail is kept.

export interface TrailBounds {
  /** view-cloudtrail-events: "Event history ... the last 90 days of management events"; counted on the simulated clock. */
  readonly retentionDays: number;
  /** SIM: a cap AWS does not have, so a long experiment cannot fill the disk; the oldest events go first. */
  readonly maxEvents: number;
}

export const DEFAULT_TRAIL_BOUNDS: TrailBounds = { retentionDays: 90, maxEvents: 100_000 };

export const DAY_MS = 24 * 60 * 60_000;
