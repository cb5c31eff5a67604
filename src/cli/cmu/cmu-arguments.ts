// Reading cloudhsm_mgmt_util's positional arguments and its single-dash options (`-2fa <path>`, `-k <handle>`).

import { Role } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from './command-line-error';

export interface TakenOption {
  readonly value: string | undefined;
  readonly rest: readonly string[];
}

/** Removes `flag <value>` from the words, wherever it stands. */
export function takeOption(words: readonly string[], flag: string): TakenOption {
  const at = words.indexOf(flag);
  if (at < 0) return { value: undefined, rest: words };
  const value = words[at + 1];
  if (value === undefined) throw new CommandLineError(`${flag} needs a value`);
  return { value, rest: [...words.slice(0, at), ...words.slice(at + 2)] };
}

/** Exactly `count` words, or a CommandLineError naming what is missing or extra. */
export function exactly(words: readonly string[], count: number): string[] {
  if (words.length !== count) throw new CommandLineError(`expected ${count} argument(s), got ${words.length}`);
  return [...words];
}

// 7.3: CMU user types are case-sensitive
export function parseRole(typed: string, allowed: readonly Role[]): Role {
  const role = allowed.find((candidate) => candidate === typed);
  if (role === undefined) throw new CommandLineError(`user type "${typed}" is not one of ${allowed.join(', ')}`);
  return role;
}

export function parseNumber(typed: string, what: string): number {
  if (!/^\d+$/.test(typed) || !Number.isSafeInteger(Number(typed))) throw new CommandLineError(`${what} "${typed}" is not a number`);
  return Number(typed);
}

export function parseFlag(typed: string, what: string): boolean {
  if (typed !== '0' && typed !== '1') throw new CommandLineError(`${what} must be 0 or 1, not "${typed}"`);
  return typed === '1';
}

export const LOGIN_ROLES: readonly Role[] = [Role.CO, Role.CU, Role.PRECO, Role.PCO];
export const USER_ROLES: readonly Role[] = [Role.CO, Role.CU, Role.PCO, Role.PRECO];
