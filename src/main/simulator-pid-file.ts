// The simulator's own pid file in its data directory: a second simulator on the same data directory is
// refused (two writers of one SQLite database and one set of tokens), and a stale file (the simulator was
// killed) is simply replaced. A recycled pid is not mistaken for the simulator: the start time must match.

import { join } from 'node:path';
import { livingProcessOf, removePidFile, writePidFile, type PidRecord } from '../../hsm-sim/fleet/pid-file';

export const SIMULATOR_PID_FILE = 'cloudhsm-sim.pid';

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`another simulator (pid ${pid}) is running on the data directory ${dataDir}; stop it first or choose another --data-dir`);
    this.name = 'DataDirectoryInUseError';
  }
}

/** Claims the data directory for this process; throws DataDirectoryInUseError when a live simulator holds it. */
export function claimDataDirectory(dataDir: string): { release(): void } {
  const file = join(dataDir, SIMULATOR_PID_FILE);
  const holder = livingProcessOf(file, () => true);
  if (holder) throw new DataDirectoryInUseError(dataDir, holder.pid);
  const record: PidRecord = writePidFile(file);
  return { release: () => removePidFile(file, record) };
}
