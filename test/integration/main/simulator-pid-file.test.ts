// One simulator per data directory: a live holder (same pid and start time) is refused, a stale pid file is replaced.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPidFile, writePidFile } from '../../../hsm-sim/fleet/pid-file';
import { claimDataDirectory, SIMULATOR_PID_FILE } from '../../../src/main/simulator-pid-file';

describe('the simulator pid file: one simulator per data directory', function () {
  this.timeout(10_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sim-pid-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a data directory a live simulator holds, naming its pid', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => other.once('spawn', resolve));
    try {
      writePidFile(join(dataDir, SIMULATOR_PID_FILE), other.pid!);
      expect(() => claimDataDirectory(dataDir)).to.throw(`another simulator (pid ${other.pid}) is running on the data directory`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('replaces the pid file of a simulator that was killed (or a reused pid), and removes its own on release', () => {
    writeFileSync(join(dataDir, SIMULATOR_PID_FILE), JSON.stringify({ pid: process.pid === 1 ? 2 : 1, startTime: '0' }));
    const claim = claimDataDirectory(dataDir);
    expect(readPidFile(join(dataDir, SIMULATOR_PID_FILE))?.pid).to.equal(process.pid);
    claim.release();
    expect(existsSync(join(dataDir, SIMULATOR_PID_FILE))).to.equal(false);
  });
});
