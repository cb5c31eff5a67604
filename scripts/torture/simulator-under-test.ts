// The simulator as a user runs it - `node bin/cloudhsm-sim.js start --data-dir D --preset seed ...` - in a
// child process whose output goes to a file of the run; its HSM processes found through their pid files.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_PID_FILE } from '../../hsm-sim/fleet/orphan-node-sweep';
import { isRunning, readPidFile, type PidRecord } from '../../hsm-sim/fleet/pid-file';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'cloudhsm-sim.js');
const ENDPOINT_LINE = /cloudhsm-sim: endpoint (http:\/\/127\.0\.0\.1:\d+)/;
const READY_LINE = /^cloudhsm-sim: ready$/m;

/** The flags of every start, first and later ones alike: the command a user would type again. */
export function startArguments(dataDir: string): string[] {
  return [BIN, 'start', '--data-dir', dataDir, '--port', '0', '--hsm-ports', 'ephemeral', '--time-scale', '0', '--preset', 'seed', '--log-level', 'info'];
}

export class SimulatorUnderTest {
  private child?: ChildProcess;
  private outputStart = 0;
  endpoint = '';

  constructor(
    readonly dataDir: string,
    /** stdout and stderr of every start, appended. */
    readonly outputFile: string,
  ) {}

  /** Starts and waits for "ready"; resolves with how long that took (ms). */
  async start(timeoutMs = 120_000): Promise<number> {
    const began = Date.now();
    this.outputStart = existsSync(this.outputFile) ? readFileSync(this.outputFile).length : 0;
    const out = openSync(this.outputFile, 'a');
    const child = spawn(process.execPath, startArguments(this.dataDir), { stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
    while (Date.now() - began < timeoutMs) {
      const output = this.output();
      const endpoint = ENDPOINT_LINE.exec(output);
      if (endpoint && READY_LINE.test(output)) {
        this.endpoint = endpoint[1]!;
        return Date.now() - began;
      }
      if (exited) throw new Error(`the simulator ${exited} before it was ready:\n${output}`);
      await sleep(50);
    }
    throw new Error(`the simulator was not ready in ${timeoutMs} ms:\n${this.output()}`);
  }

  /** What this start printed so far. */
  output(): string {
    return existsSync(this.outputFile) ? readFileSync(this.outputFile).subarray(this.outputStart).toString('utf8') : '';
  }

  get pid(): number | undefined {
    return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** The HSM processes of this data directory that run now (from their pid files). */
  nodeProcesses(): PidRecord[] {
    const hsms = join(this.dataDir, 'hsms');
    if (!existsSync(hsms)) return [];
    return readdirSync(hsms).flatMap((name) => {
      const record = readPidFile(join(hsms, name, NODE_PID_FILE));
      return record && isRunning(record) ? [record] : [];
    });
  }

  signal(name: NodeJS.Signals): void {
    if (this.pid !== undefined) process.kill(this.pid, name);
  }

  async exited(timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Ctrl-C, as a user stops it. */
  async stop(): Promise<void> {
    this.signal('SIGINT');
    await this.exited();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
