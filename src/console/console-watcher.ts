// Turns what changes without an event of its own into timeline entries: faults added and healed (by a
// route or by their own timer), the simulated clock moved, an HSM process hung, resumed, down or up.
// Called on the feed's tick and right after a fault or clock route answered.

import type { ConsoleFault, ProcessStatus } from './console-snapshot.types';
import type { ConsoleTimeline } from './console-timeline';

export interface WatchedWorld {
  faultList(): ConsoleFault[];
  clockOffsetSeconds(): number;
  /** Every HSM of the Region and its process. */
  processes(): { readonly hsmId: string; readonly status: ProcessStatus }[];
}

export class ConsoleWatcher {
  private faults: Map<string, ConsoleFault> | undefined;
  private offsetSeconds: number | undefined;
  private readonly processes = new Map<string, ProcessStatus>();

  constructor(
    private readonly world: WatchedWorld,
    private readonly timeline: ConsoleTimeline,
  ) {}

  /** Compares with the last look; the first look only remembers. Returns whether anything changed. */
  look(): boolean {
    const first = this.faults === undefined;
    let changed = false;
    const faults = new Map(this.world.faultList().map((fault) => [fault.faultId, fault]));
    if (!first) {
      for (const [faultId, fault] of faults) {
        if (this.faults!.has(faultId)) continue;
        changed = true;
        this.timeline.add({ kind: 'fault', summary: `fault ${fault.kind} added on ${describeTarget(fault)}`, outcome: 'added', details: { faultId, kind: fault.kind, target: fault.target, hsmIds: fault.hsmIds } });
      }
      for (const [faultId, fault] of this.faults!) {
        if (faults.has(faultId)) continue;
        changed = true;
        this.timeline.add({ kind: 'fault', summary: `fault ${fault.kind} healed on ${describeTarget(fault)}`, outcome: 'healed', details: { faultId, kind: fault.kind } });
      }
    }
    this.faults = faults;

    const offset = this.world.clockOffsetSeconds();
    if (this.offsetSeconds !== undefined && offset !== this.offsetSeconds) {
      changed = true;
      const moved = offset - this.offsetSeconds;
      this.timeline.add({ kind: 'clock', summary: `simulated clock advanced ${formatSeconds(moved)}`, details: { advancedSeconds: moved, offsetSeconds: offset } });
    }
    this.offsetSeconds = offset;

    for (const { hsmId, status } of this.world.processes()) {
      // Only settled states count: a new HSM's first 'up' and the steps of a restart are not news.
      if (status === 'starting' || status === 'stopping') continue;
      const before = this.processes.get(hsmId);
      this.processes.set(hsmId, status);
      if (before === undefined || before === status) continue;
      changed = true;
      this.timeline.add({ kind: 'process', summary: `HSM ${hsmId} process ${before} -> ${status}`, hsmId, outcome: status });
    }
    return changed;
  }
}

function describeTarget(fault: ConsoleFault): string {
  return Object.values(fault.target).join(', ') || fault.hsmIds.join(', ');
}

function formatSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}
