// The simulator as a user runs it: `cloudhsm-sim start --port 0 --data-dir <temp> --time-scale 0` in a
// child process; the endpoint is read from what it prints. Stop and start again on the same folder to
// test restarts.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const BIN = join(__dirname, '..', '..', '..', '..', 'bin', 'cloudhsm-sim.js');
const ENDPOINT_LINE = /endpoint (http:\/\/127\.0\.0\.1:\d+)/;

export class SimulatorProcess {
  private child?: ChildProcess;
  private output = '';
  endpoint = '';

  private constructor(
    readonly dataDir: string,
    /** Flags besides those above, e.g. ['--key-store-request-rate', '0']. */
    private readonly extraFlags: readonly string[],
  ) {}

  static async start(dataDir = createTempDir('e2e'), extraFlags: readonly string[] = []): Promise<SimulatorProcess> {
    const simulator = new SimulatorProcess(dataDir, extraFlags);
    await simulator.start();
    return simulator;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', this.dataDir, '--time-scale', '0', '--hsm-ports', 'ephemeral', ...this.extraFlags], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`simulator did not start in time:\n${this.output}`)), 20_000);
      const read = (chunk: Buffer): void => {
        this.output += chunk.toString();
        const match = ENDPOINT_LINE.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`simulator exited with ${code}:\n${this.output}`));
      });
    });
  }

  /** Ctrl-C, as a user stops it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }

  /** The simulator's process id while it runs. */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  get log(): string {
    return this.output;
  }

  async destroy(): Promise<void> {
    await this.stop();
    removeTempDir(this.dataDir);
  }
}
