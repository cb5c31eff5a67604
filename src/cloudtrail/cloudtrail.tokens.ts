// Injection tokens of the trail's ports; the composition root (src/main) registers them.

export const CloudTrailTokens = {
  /** A CloudTrailEventRepository (SqliteCloudTrailEventRepository over the control plane's database). */
  EventRepository: Symbol('CloudTrailEventRepository'),
  /** TrailBounds: how long and how many events are kept. */
  Bounds: Symbol('TrailBounds'),
  /** An IdGenerator for event ids. */
  IdGenerator: Symbol('CloudTrailIdGenerator'),
} as const;
