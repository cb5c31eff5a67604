// 7.7 getHSMInfo (`Getting HSM Info on 3 nodes`, then per server Label, Model, Serial Number, FIPS state, ...)
// and `info server <n>` (Id, Name, Hostname, Port, State, Partition, LoginState).

import type { HsmInfo } from '../../../hsm-sim/node/hsm-info';
import type { Principal } from '../../../hsm-sim/node/node.types';
import type { HsmConnection } from './hsm-connections';

const field = (name: string, value: string | number): string => `\t${name.padEnd(21)}:${value}`;

export function hsmInfoLines(server: HsmConnection, info: HsmInfo): string[] {
  return [
    `\t\t*** Server ${server.index} HSM Info ***`,
    '',
    field('Label', info.label),
    field('Model', info.model),
    '',
    field('Serial Number', info.serialNumber),
    field('FIPS state', info.fipsState),
    '',
    field('Firmware Version', info.firmwareVersion),
    '',
    // SIM: the lines below are the simulator's own: the HSM's id, whether it is activated, and its counts
    field('HSM Id', info.hsmId),
    field('Activated', info.activated ? 'yes' : 'no'),
    field('Number of keys', info.keys),
    field('Number of users', info.users),
    '',
  ];
}

const INFO_COLUMNS = [8, 24, 17, 7, 16, 24] as const;

function columns(values: readonly string[]): string {
  return values.map((value, index) => (index < INFO_COLUMNS.length ? value.padEnd(INFO_COLUMNS[index] ?? 0) : value)).join('').trimEnd();
}

export interface ServerState {
  readonly connected: boolean;
  /** The HSM id, when connected. */
  readonly partition?: string;
  readonly principal?: Principal | null;
}

export function infoServerLines(server: HsmConnection, state: ServerState): string[] {
  const { host, port } = server.endpoint;
  const login = state.principal ? `Logged in as '${state.principal.username}(${state.principal.role})'` : 'Not logged in';
  return [
    columns(['Id', 'Name', 'Hostname', 'Port', 'State', 'Partition', 'LoginState']),
    columns([String(server.index), host, host, String(port), state.connected ? 'Connected' : 'Disconnected', state.partition ?? '-', state.connected ? login : '-']),
  ];
}
