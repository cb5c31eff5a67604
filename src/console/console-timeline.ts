// The console's event timeline: every AWS call, every HSM audit entry, every fault added or healed, clock
// moves and HSM process changes, newest first, bounded in memory. Details pass through redact(), so no
// password, PIN or KeyStorePassword can appear; entries carry names and outcomes, never request bodies.

import { redact } from '../shared/redact';
import type { TimelineEntry, TimelineKind } from './console-snapshot.types';

/** How many entries the console keeps; older ones are dropped. */
export const TIMELINE_LIMIT = 500;

export interface NewTimelineEntry {
  readonly kind: TimelineKind;
  readonly summary: string;
  readonly outcome?: string;
  readonly hsmId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ConsoleTimeline {
  private readonly entries: TimelineEntry[] = [];
  private readonly listeners: ((entry: TimelineEntry) => void)[] = [];
  private seq = 0;

  constructor(
    private readonly limit = TIMELINE_LIMIT,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(entry: NewTimelineEntry): TimelineEntry {
    const recorded: TimelineEntry = {
      seq: ++this.seq,
      time: this.now().toISOString(),
      kind: entry.kind,
      summary: entry.summary,
      ...(entry.outcome === undefined ? {} : { outcome: entry.outcome }),
      ...(entry.hsmId === undefined ? {} : { hsmId: entry.hsmId }),
      ...(entry.details === undefined ? {} : { details: redact(entry.details) as Record<string, unknown> }),
    };
    this.entries.push(recorded);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    for (const listener of this.listeners) listener(recorded);
    return recorded;
  }

  /** Newest first; only the given kinds when some are named. */
  list(kinds: readonly TimelineKind[] = []): TimelineEntry[] {
    const all = [...this.entries].reverse();
    return kinds.length === 0 ? all : all.filter((entry) => kinds.includes(entry.kind));
  }

  onEntry(listener: (entry: TimelineEntry) => void): void {
    this.listeners.push(listener);
  }
}
