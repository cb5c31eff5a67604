// `--name value` and `--name=value` flags; a bare `--name` is "true". Everything else is positional.

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
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      flags[name] = next;
      index += 1;
    } else flags[name] = 'true';
  }
  return { positional, flags };
}
