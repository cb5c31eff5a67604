// The fleet ends HSM processes a dead simulator left behind: found by the pid file in the node folder,
// recognised by start time and command line, SIGTERM then SIGKILL - even a SIGSTOPped one.

import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endOrphanNodes, NODE_PID_FILE, orphanNodeOf } from '../../../../hsm-sim/fleet/orphan-node-sweep';
import { isRunning, processStartTime, writePidFile } from '../../../../hsm-sim/fleet/pid-file';

const ENTRY = 'node-main.js';

describe('orphaned HSM processes: found by pid file, start time and command line, then ended', function () {
  this.timeout(20_000);
  let root: string;
  const children: ChildProcess[] = [];

  /** A process whose command line names the node entry and the folder, as an orphaned node's does. */
  function lookalike(directory: string, ignoreSigterm = false): ChildProcess {
    mkdirSync(directory, { recursive: true });
    const script = ignoreSigterm ? "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)" : 'setInterval(() => {}, 1000)';
    const child = spawn(process.execPath, ['-e', script, ENTRY, directory], { stdio: 'ignore' });
    children.push(child);
    return child;
  }

  async function started(child: ChildProcess): Promise<number> {
    await new Promise((resolve) => child.once('spawn', resolve));
    return child.pid!;
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'orphan-sweep-'));
  });

  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('ends a SIGSTOPped orphan (it cannot react to anything but SIGKILL)', async () => {
    const directory = join(root, 'hsm-a');
    const pid = await started(lookalike(directory, true));
    writePidFile(join(directory, NODE_PID_FILE), pid);
    process.kill(pid, 'SIGSTOP');
    const record = { pid, startTime: processStartTime(pid)! };
    expect(orphanNodeOf(directory, ENTRY)).to.deep.equal(record);

    const ended = await endOrphanNodes([directory], { entryName: ENTRY, graceMs: 300 });

    expect(ended).to.deep.equal([pid]);
    expect(isRunning(record)).to.equal(false);
  });

  it('ends an orphan that obeys SIGTERM without waiting for the grace period', async () => {
    const directory = join(root, 'hsm-b');
    const pid = await started(lookalike(directory));
    writePidFile(join(directory, NODE_PID_FILE), pid);
    const began = Date.now();

    expect(await endOrphanNodes([directory], { entryName: ENTRY, graceMs: 5_000 })).to.deep.equal([pid]);
    expect(Date.now() - began).to.be.below(2_000);
  });

  it('leaves alone a recycled pid (other start time) and a process that is not this folder\'s node', async () => {
    const mine = join(root, 'hsm-c');
    const other = join(root, 'hsm-d');
    mkdirSync(mine, { recursive: true });
    const pidOfOther = await started(lookalike(other));
    // A pid file naming a live process that started at another time: the pid was reused.
    writeFileSync(join(mine, NODE_PID_FILE), JSON.stringify({ pid: pidOfOther, startTime: '1' }), { flag: 'w' });
    expect(orphanNodeOf(mine, ENTRY)).to.equal(undefined);
    // The right pid and start time, but the command line names another folder.
    writePidFile(join(mine, NODE_PID_FILE), pidOfOther);
    expect(orphanNodeOf(mine, ENTRY)).to.equal(undefined);

    expect(await endOrphanNodes([mine], { entryName: ENTRY, graceMs: 100 })).to.deep.equal([]);
    expect(isRunning({ pid: pidOfOther, startTime: processStartTime(pidOfOther)! })).to.equal(true);
  });

  it('finds nothing where there is no pid file or its process is gone', async () => {
    const directory = join(root, 'hsm-e');
    expect(orphanNodeOf(directory, ENTRY)).to.equal(undefined);
    const child = lookalike(directory);
    const pid = await started(child);
    writePidFile(join(directory, NODE_PID_FILE), pid);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(orphanNodeOf(directory, ENTRY)).to.equal(undefined);
  });
});
