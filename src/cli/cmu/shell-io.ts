// The terminal or pipe a shell talks through: lines in, lines out. On a terminal it prompts; piped input
// is read line by line, commands and y/n answers alike, and nothing is echoed. Injectable, so tests run a
// shell in-process on fake streams.

import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface ShellIo {
  readonly interactive: boolean;
  /** The next line, or undefined at the end of the input; `prompt` is shown first on a terminal. */
  readLine(prompt: string): Promise<string | undefined>;
  print(line: string): void;
  /** To stderr: what is not part of the output proper. */
  warn(line: string): void;
  close(): void;
}

export class StreamShellIo implements ShellIo {
  private reader: Interface | undefined;
  private readonly queued: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly errors: Writable,
    readonly interactive: boolean,
  ) {}

  static forProcess(): StreamShellIo {
    return new StreamShellIo(process.stdin, process.stdout, process.stderr, process.stdin.isTTY === true);
  }

  readLine(prompt: string): Promise<string | undefined> {
    const reader = this.startReading();
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(undefined);
    if (this.interactive) {
      reader.setPrompt(prompt);
      reader.prompt();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  print(line: string): void {
    this.output.write(`${line}\n`);
  }

  warn(line: string): void {
    this.errors.write(`${line}\n`);
  }

  close(): void {
    this.reader?.close();
  }

  /** Reading starts at the first readLine: a one-shot command never touches stdin. */
  private startReading(): Interface {
    if (this.reader) return this.reader;
    const reader = this.interactive ? createInterface({ input: this.input, output: this.output, terminal: true }) : createInterface({ input: this.input, terminal: false });
    reader.on('line', (line) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter(line);
      else this.queued.push(line);
    });
    reader.on('close', () => {
      this.ended = true;
      for (const waiter of this.waiting.splice(0)) waiter(undefined);
    });
    // Ctrl-C on a terminal ends the input like Ctrl-D does.
    reader.on('SIGINT', () => reader.close());
    this.reader = reader;
    return reader;
  }
}
