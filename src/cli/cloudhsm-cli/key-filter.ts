// --filter of key list, delete, share and unshare: `key-reference=0x…` and `attr.<name>=<value>` terms, all of
// which a key must match (SDK 5 manage-keys-cloudhsm-cli-filtering).

import type { KeyFilter } from '../../../hsm-sim/node/key-queries';
import type { KeyView } from '../../../hsm-sim/node/node.types';
import type { RpcClient } from '../../../hsm-sim/protocol';
import { CommandLineError } from '../cmu/command-line-error';
import { CliFailure } from './cli-failure';
import { CLASS_NAMES, KEY_TYPE_NAMES, parseHex } from './key-vocabulary';

export interface KeySelection {
  readonly handle?: number;
  readonly filter: KeyFilter;
}

type Term = (value: string, selection: KeySelection) => KeySelection;

const TERMS: Readonly<Record<string, Term>> = {
  'key-reference': (value, selection) => ({ ...selection, handle: parseKeyReference(value) }),
  'attr.label': (value, selection) => ({ ...selection, filter: { ...selection.filter, label: value } }),
  'attr.id': (value, selection) => ({ ...selection, filter: { ...selection.filter, id: parseHex(value, 'attr.id') } }),
  'attr.class': (value, selection) => ({ ...selection, filter: { ...selection.filter, class: lookUp(CLASS_NAMES, value, 'attr.class') } }),
  'attr.key-type': (value, selection) => ({ ...selection, filter: { ...selection.filter, keyType: lookUp(KEY_TYPE_NAMES, value, 'attr.key-type') } }),
};

export function parseKeyFilter(terms: readonly string[]): KeySelection {
  return terms.reduce<KeySelection>((selection, term) => {
    const [name = '', value] = term.split(/=(.*)/s, 2);
    const apply = Object.hasOwn(TERMS, name) ? TERMS[name] : undefined;
    if (apply === undefined || value === undefined) throw new CommandLineError(`--filter ${term}: use ${Object.keys(TERMS).map((known) => `${known}=<value>`).join(', ')}`);
    return apply(value, selection);
  }, { filter: {} });
}

/** The keys the logged-in crypto user may see that match, in handle order. */
export async function findKeys(client: RpcClient, { handle, filter }: KeySelection): Promise<KeyView[]> {
  const keys = await client.call<KeyView[]>('findKeys', filter);
  return keys.filter((key) => handle === undefined || key.handle === handle).sort((a, b) => a.handle - b.handle);
}

/** The one key the selection names; a CliFailure if it names none or several. */
export async function findOneKey(client: RpcClient, selection: KeySelection): Promise<KeyView> {
  const keys = await findKeys(client, selection);
  const [only] = keys;
  if (only === undefined) throw new CliFailure('no key matches the filter among the keys you own or share');
  if (keys.length > 1) throw new CliFailure(`${keys.length} keys match the filter: narrow it, e.g. --filter key-reference=<0x…>`);
  return only;
}

function parseKeyReference(value: string): number {
  if (!/^0x[0-9a-f]+$/i.test(value)) throw new CommandLineError(`--filter key-reference=${value}: give the key reference in hex, e.g. 0x0000000000000003`);
  return Number.parseInt(value.slice(2), 16);
}

function lookUp<T extends string>(names: Readonly<Record<string, T>>, value: string, term: string): T {
  const found = Object.hasOwn(names, value) ? names[value] : undefined;
  if (found === undefined) throw new CommandLineError(`--filter ${term}=${value}: use one of ${Object.keys(names).join(', ')}`);
  return found;
}
