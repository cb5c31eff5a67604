// A ShellIo without streams: the lines a user would type, and everything printed, in arrays.

import type { ShellIo } from '../../../src/cli/cmu/shell-io';

export class ScriptedIo implements ShellIo {
  readonly printed: string[] = [];
  readonly warned: string[] = [];
  readonly prompts: string[] = [];

  constructor(
    private readonly lines: string[],
    readonly interactive = false,
  ) {}

  async readLine(prompt: string): Promise<string | undefined> {
    this.prompts.push(prompt);
    return this.lines.shift();
  }

  print(line: string): void {
    this.printed.push(line);
  }

  warn(line: string): void {
    this.warned.push(line);
  }

  close(): void {}
}
