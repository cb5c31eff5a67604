// `--name value` and `--name=value` flags; a bare `--name` is "true". Everything else is positional.

/** Flags that may be given more than once: their values are kept, one a line. */
const REPEATABLE_FLAGS: ReadonlySet<string> = new Set(['hsm-host']);

export interface ParsedArguments {
  readonly positional: string[];
  readonly flags: Record<string, string>;
}

export function parseFlags(args: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const next = args[index + 1];
    let value = 'true';
    if (inline !== undefined) value = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      value = next;
      index += 1;
    }
    flags[name] = REPEATABLE_FLAGS.has(name) && flags[name] !== undefined ? `${flags[name]}\n${value}` : value;
  }
  return { positional, flags };
}
