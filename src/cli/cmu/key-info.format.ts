// 7.7 findAllKeys (`Number of keys found N`, `8(s),9(s),17,19(o)`, `Key Hash: <hex>`) and getKeyInfo
// (`Token/Flash Key,`, `Owned by user 3`, `also, shared to following 2 user(s):`).

import type { UserKeyEntry } from '../../../hsm-sim/node/key-digest';
import type { FindAllKeysResult, KeyInfo } from '../../../hsm-sim/node/key-queries';
import type { HsmConnection } from './hsm-connections';
import { serverLabel, successLine } from './server-result.format';

function keyListEntry({ handle, mark }: UserKeyEntry): string {
  return mark === '' ? String(handle) : `${handle}(${mark})`;
}

export function findAllKeysLines(server: HsmConnection, result: FindAllKeysResult): string[] {
  const count = result.keys.length;
  return [
    `Keys on ${serverLabel(server)}:`,
    `Number of keys found ${count}`,
    `number of keys matched from start index 0::${count}`,
    result.keys.map(keyListEntry).join(','),
    ...(result.hash === undefined ? [] : [`Key Hash: ${result.hash}`]),
    successLine('findAllKeys', server),
  ];
}

export function keyInfoLines(server: HsmConnection, info: KeyInfo): string[] {
  const shared = info.sharedWith.length === 0 ? [] : [`\talso, shared to following ${info.sharedWith.length} user(s):`, '', ...info.sharedWith.map((id) => `\t\t ${id}`), ''];
  // SIM: the wording for a session key is not documented
  return [`Key Info on ${serverLabel(server)}:`, '', info.token ? '\tToken/Flash Key,' : '\tSession Key,', '', `\tOwned by user ${info.ownerId}`, '', ...shared];
}
