// Runs `cloudhsm-sim cmu` or `cloudhsm-sim cli` in this process, its stdin a script and its output captured.

import { Readable, Writable } from 'node:stream';
import { cloudHsmCliCommand } from '../../../src/cli/cloudhsm-cli/cli-command';
import type { CliEnvironment } from '../../../src/cli/cloudhsm-cli/cli-credentials';
import { cmuCommand } from '../../../src/cli/cmu/cmu-command';
import { StreamShellIo } from '../../../src/cli/cmu/shell-io';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the last empty one. */
  readonly lines: string[];
}

class Capture extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

async function run(tool: (io: StreamShellIo) => Promise<number>, script: readonly string[]): Promise<ToolRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = Readable.from(script.length === 0 ? [] : [`${script.join('\n')}\n`]);
  const code = await tool(new StreamShellIo(input, stdout, stderr, false));
  return { code, stdout: stdout.text, stderr: stderr.text, lines: stdout.text.replace(/\n$/, '').split('\n') };
}

/** `script`: the lines piped to stdin, commands and y/n answers. */
export function runCmu(args: readonly string[], script: readonly string[]): Promise<ToolRun> {
  return run((io) => cmuCommand(args, io), script);
}

export function runCli(args: readonly string[], script: readonly string[] = [], environment: CliEnvironment = {}): Promise<ToolRun> {
  return run((io) => cloudHsmCliCommand(args, io, environment), script);
}

/** The JSON a one-shot cli command printed. */
export function cliJson(run: ToolRun): { error_code: number; data: unknown } {
  return JSON.parse(run.stdout) as { error_code: number; data: unknown };
}
