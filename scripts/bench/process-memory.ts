// Resident memory of a server and the processes it started (the simulator and its HSM node processes),
// read from /proc: once (idle) or sampled while a load runs (peak per process). RSS counts the pages of
// the node binary that every Node.js process shares (about 48 MB here); `private` is what one more
// process costs.

import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  readonly pid: number;
  /** The command line, shortened: tells the main process from the HSM node processes. */
  readonly command: string;
  readonly rssMiB: number;
  /** Pages of this process alone (Private_Clean + Private_Dirty). */
  readonly privateMiB: number;
}

/** The process and all its descendants; processes that ended meanwhile are left out. */
export function memoryOfTree(rootPid: number): ProcessMemory[] {
  return treeOf(rootPid).flatMap((pid) => {
    const rollup = readProc(`/proc/${pid}/smaps_rollup`);
    if (rollup === undefined) return [];
    const kiB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(rollup)?.[1] ?? 0);
    return [{ pid, command: commandOf(pid), rssMiB: kiB('Rss') / 1024, privateMiB: (kiB('Private_Clean') + kiB('Private_Dirty')) / 1024 }];
  });
}

/** Samples a process tree every `intervalMs` until stopped; the result is each process's highest RSS reading. */
export class PeakMemorySampler {
  private readonly peaks = new Map<number, ProcessMemory>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rootPid: number,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): ProcessMemory[] {
    clearInterval(this.timer);
    this.sample();
    return [...this.peaks.values()];
  }

  private sample(): void {
    for (const reading of memoryOfTree(this.rootPid)) {
      const peak = this.peaks.get(reading.pid);
      if (!peak || reading.rssMiB > peak.rssMiB) this.peaks.set(reading.pid, reading);
    }
  }
}

/** What the process is, from its command line. */
export function roleOf(memory: ProcessMemory): string {
  if (memory.command.includes('node-main')) return 'HSM node process';
  if (memory.command.includes('cloudhsm-sim')) return 'simulator main process';
  if (memory.command.includes('moto')) return 'moto server';
  return memory.command.split(' ')[0] ?? memory.command;
}

/** "RSS (private)" in whole MiB. */
export function formatMemory(memory: ProcessMemory): string {
  return `${memory.rssMiB.toFixed(0)} (${memory.privateMiB.toFixed(0)})`;
}

function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(treeOf)];
}

function childrenOf(pid: number): number[] {
  const text = readProc(`/proc/${pid}/task/${pid}/children`);
  return text === undefined ? [] : text.split(' ').filter((word) => word !== '').map(Number);
}

function commandOf(pid: number): string {
  return (readProc(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim().slice(0, 160);
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
