// Structured logging; every field goes through redact() on the way out.

import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** One JSON object per line on stderr, so stdout stays free for command output. */
export class JsonLinesLogger implements Logger {
  constructor(
    private readonly minimum: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
  ) {}

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[this.minimum]) return;
    const entry = { time: new Date().toISOString(), level, message, ...(redact(fields) as object) };
    this.write(`${JSON.stringify(entry)}\n`);
  }
}
