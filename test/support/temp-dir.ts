// Temporary folders for tests, on tmpfs when the machine has one: SoftHSM token objects are files, and
// tmpfs makes their writes about 6x faster than the disk (softhsm-notes §4).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FAST_ROOT = '/dev/shm';

export function createTempDir(prefix: string): string {
  const root = existsSync(FAST_ROOT) ? FAST_ROOT : tmpdir();
  return mkdtempSync(join(root, `cloudhsm-sim-${prefix}-`));
}

export function removeTempDir(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}
