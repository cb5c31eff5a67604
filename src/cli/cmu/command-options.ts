// `--name value`, `--name=value`, `--name v1 v2 ...` and bare `--name` options, read by a table of the
// names a tool or command accepts. Words that are no option are returned in order.

import { CommandLineError } from './command-line-error';

export const OptionKind = {
  /** One value per use; the option may be repeated. */
  VALUE: 'value',
  /** Every following word up to the next option (`--attributes encrypt=true decrypt=true`). */
  VALUES: 'values',
  /** No value: given or not. */
  SWITCH: 'switch',
} as const;
export type OptionKind = (typeof OptionKind)[keyof typeof OptionKind];

export type OptionSpec = Readonly<Record<string, OptionKind>>;

/** What to do with an option the table does not name: leave it, with its words, for someone else; or refuse it. */
export type UnknownOptions = 'keep' | 'reject';

export class GivenOptions {
  constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Every value given, in order (all uses of a repeated option; all words of a VALUES option). */
  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  /** The value of a single-valued option; the last one when repeated. */
  optional(name: string): string | undefined {
    return this.all(name).at(-1);
  }

  required(name: string, hint: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new CommandLineError(`--${name} is required: ${hint}`);
    return value;
  }
}

export interface ParsedOptions {
  readonly given: GivenOptions;
  readonly rest: readonly string[];
}

export function parseOptions(args: readonly string[], spec: OptionSpec, unknown: UnknownOptions): ParsedOptions {
  const values = new Map<string, string[]>();
  const rest: string[] = [];
  const add = (name: string, ...items: string[]): void => void values.set(name, [...(values.get(name) ?? []), ...items]);
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [name, inline] = isOption(arg) ? (arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]) : [undefined, undefined];
    const kind = name !== undefined && Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (name === undefined || kind === undefined) {
      if (name !== undefined && unknown === 'reject') throw new CommandLineError(`unknown option --${name}: ${describeSpec(spec)}`);
      rest.push(arg);
      continue;
    }
    if (kind === OptionKind.SWITCH) {
      if (inline !== undefined) throw new CommandLineError(`--${name} takes no value`);
      add(name, 'true');
      continue;
    }
    const following: string[] = [];
    while (index + 1 < args.length && !isOption(args[index + 1] ?? '') && (kind === OptionKind.VALUES || (following.length === 0 && inline === undefined))) {
      following.push(args[index + 1] ?? '');
      index += 1;
    }
    const items = inline === undefined ? following : [inline, ...following];
    if (items.length === 0) throw new CommandLineError(`--${name} needs a value`);
    add(name, ...items);
  }
  return { given: new GivenOptions(values), rest };
}

function isOption(arg: string): boolean {
  return arg.startsWith('--') && arg.length > 2;
}

function describeSpec(spec: OptionSpec): string {
  const names = Object.keys(spec);
  return names.length === 0 ? 'this command takes no options' : `use ${names.map((name) => `--${name}`).join(', ')}`;
}
