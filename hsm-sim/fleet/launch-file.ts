// The node's launch file: written atomically (temp file + rename), readable only by its owner.
// SIM: it holds the appliance's internal secrets in clear - the cluster sync key and the HSM's TLS private
// key - as a real HSM holds them inside its boundary; never a user password (a first HSM's PRECO starts
// with the factory password, FACTORY_PRECO_PASSWORD, which the node knows itself).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeLaunch } from './node-launch.types';

export const LAUNCH_FILE = 'node-launch.json';

export function writeLaunchFile(launch: NodeLaunch): void {
  mkdirSync(launch.directory, { recursive: true, mode: 0o700 });
  const target = join(launch.directory, LAUNCH_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(launch, null, 2), { mode: 0o600 });
  renameSync(temporary, target);
}

export function readLaunchFile(directory: string): NodeLaunch {
  return JSON.parse(readFileSync(join(directory, LAUNCH_FILE), 'utf8')) as NodeLaunch;
}
