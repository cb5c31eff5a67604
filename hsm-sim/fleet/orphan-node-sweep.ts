// Ends HSM node processes left running by a simulator that died without stopping them (SIGKILL, OOM,
// a crash): found through the pid file in each node folder, recognised by start time and command line,
// asked with SIGTERM (and SIGCONT, so a SIGSTOPped one can hear it), then SIGKILLed after a short wait.
// Without this a restart fails with EADDRINUSE on the orphan's 2223, or two processes share a token.

import { join } from 'node:path';
import { isRunning, livingProcessOf, type PidRecord } from './pid-file';

export const NODE_PID_FILE = 'node.pid';
const POLL_MS = 25;

export interface OrphanSweepOptions {
  /** The node entry point's file name, as it appears in the command line (node-main.js). */
  readonly entryName: string;
  /** How long SIGTERM gets before SIGKILL; default 2,000 ms. */
  readonly graceMs?: number;
  readonly log?: (message: string, details: Record<string, unknown>) => void;
}

/** The node process still running for this folder, if any (not counting this process's own children). */
export function orphanNodeOf(directory: string, entryName: string): PidRecord | undefined {
  return livingProcessOf(join(directory, NODE_PID_FILE), (args) => args.some((arg) => arg.endsWith(entryName)) && args.includes(directory));
}

/** Ends the orphan node of each folder; resolves with the pids it ended. */
export async function endOrphanNodes(directories: readonly string[], options: OrphanSweepOptions): Promise<number[]> {
  const orphans = directories.flatMap((directory) => {
    const orphan = orphanNodeOf(directory, options.entryName);
    return orphan ? [{ directory, ...orphan }] : [];
  });
  await Promise.all(orphans.map((orphan) => endProcess(orphan, options.graceMs ?? 2_000)));
  for (const orphan of orphans) options.log?.('ended an orphaned HSM process', { pid: orphan.pid, directory: orphan.directory });
  return orphans.map((orphan) => orphan.pid);
}

async function endProcess(record: PidRecord, graceMs: number): Promise<void> {
  const alive = (): boolean => isRunning(record);
  signal(record.pid, 'SIGTERM');
  signal(record.pid, 'SIGCONT');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(POLL_MS);
  if (!alive()) return;
  signal(record.pid, 'SIGKILL');
  // SIGKILL cannot be refused; its parent (init, for an orphan) reaps it at once.
  const killDeadline = Date.now() + 5_000;
  while (alive() && Date.now() < killDeadline) await sleep(POLL_MS);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
