// A command line an admin tool cannot run: unknown or ambiguous words, missing or malformed arguments,
// unreadable files named on it. The message says what to type instead.

export class CommandLineError extends Error {
  override readonly name = 'CommandLineError';
}
