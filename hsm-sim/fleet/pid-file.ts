// Pid files: which process holds a folder, told apart from a later process that got the same pid by its
// start time (/proc/<pid>/stat field 22, in clock ticks since boot). Linux only: elsewhere nothing is
// found running, and nothing is ended.

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface PidRecord {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat when the file was written. */
  readonly startTime: string;
}

/** Field 22 (starttime) of /proc/<pid>/stat, or undefined when there is no such process (or no /proc). */
export function processStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 (comm) is in parentheses and may hold spaces: count fields after its closing parenthesis.
  const afterComm = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return afterComm[22 - 3];
}

/** The recorded process still exists and is not a zombie (dead, waiting for its parent to reap it). */
export function isRunning(record: PidRecord): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${record.pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  return processStartTime(record.pid) === record.startTime && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** The NUL-separated arguments of a running process ([] when it is gone). */
export function processArguments(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((argument) => argument !== '');
  } catch {
    return [];
  }
}

/** Writes this process's pid and start time (temp file + rename, mode 0600). */
export function writePidFile(file: string, pid: number = process.pid): PidRecord {
  const record: PidRecord = { pid, startTime: processStartTime(pid) ?? 'unknown' };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  return record;
}

export function readPidFile(file: string): PidRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
    return typeof parsed.pid === 'number' && typeof parsed.startTime === 'string' ? { pid: parsed.pid, startTime: parsed.startTime } : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the pid file only if it still names this record (a successor may have written its own). */
export function removePidFile(file: string, record: PidRecord): void {
  const current = readPidFile(file);
  if (current && current.pid === record.pid && current.startTime === record.startTime) rmSync(file, { force: true });
}

/**
 * The process a pid file names, if it still runs: same pid, same start time, and its command line
 * passes `isExpected` (so a recycled pid, or the pid file of another program, never matches).
 */
export function livingProcessOf(file: string, isExpected: (args: readonly string[]) => boolean): PidRecord | undefined {
  const record = readPidFile(file);
  if (!record || record.pid === process.pid) return undefined;
  if (processStartTime(record.pid) !== record.startTime) return undefined;
  return isExpected(processArguments(record.pid)) ? record : undefined;
}
