// Scratch folders for the benchmark's token stores, on tmpfs when the machine has one (token objects
// are files: softhsm-notes §4). Whatever is still there when the process exits is removed then.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAST_ROOT = '/dev/shm';
const live = new Set<string>();
let exitHookInstalled = false;

export function createScratchDirectory(prefix: string): string {
  if (!exitHookInstalled) {
    process.once('exit', removeAllScratchDirectories);
    exitHookInstalled = true;
  }
  const root = existsSync(FAST_ROOT) ? FAST_ROOT : tmpdir();
  const directory = mkdtempSync(join(root, `cloudhsm-sim-${prefix}-`));
  live.add(directory);
  return directory;
}

export function removeScratchDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
  live.delete(directory);
}

function removeAllScratchDirectories(): void {
  for (const directory of [...live]) removeScratchDirectory(directory);
}
