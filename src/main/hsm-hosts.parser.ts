// Which Availability Zones run their HSMs on other hosts, and the token of the links to them:
//   --hsm-host az=us-east-1a,addr=10.199.7.2:7400   (repeatable; or several in one value, split by ';')
//   --hsm-hosts FILE   a JSON list: [{"availabilityZone": "us-east-1a", "address": "hsm-a:7400"}, ...]
//   the token: --hsm-host-token-file FILE or CLOUDHSM_SIM_HOST_TOKEN (never a flag: argv is world-readable).

import { readFileSync } from 'node:fs';
import { checkToken } from '../../hsm-sim/hosts/host-psk-tls';
import type { HsmHostSpec } from '../adapters/appliance/remote-host-placement';

export const DEFAULT_HSM_HOST_PORT = 7400;

export interface HsmHostsConfig {
  readonly hosts: readonly HsmHostSpec[];
  /** Secret: the pre-shared key of every link to a host agent. */
  readonly token: string;
}

type Source = Readonly<Record<string, string | undefined>>;

/** undefined when no host is named: every HSM is a child process of the control plane. */
export function loadHsmHosts(flags: Source, env: Source): HsmHostsConfig | undefined {
  const flag = flags['hsm-host'] ?? env['CLOUDHSM_SIM_HSM_HOST'];
  const file = flags['hsm-hosts'] ?? env['CLOUDHSM_SIM_HSM_HOSTS'];
  const hosts = [...(flag ? parseHsmHostFlag(flag) : []), ...(file ? parseHsmHostsFile(file) : [])];
  if (hosts.length === 0) return undefined;
  const zones = hosts.map((host) => host.availabilityZone);
  const twice = zones.find((zone, index) => zones.indexOf(zone) !== index);
  if (twice) throw new Error(`--hsm-host: ${twice} is named twice; one HSM host per Availability Zone`);
  const tokenFile = flags['hsm-host-token-file'] ?? env['CLOUDHSM_SIM_HOST_TOKEN_FILE'];
  const token = tokenFile ? readFileSync(tokenFile, 'utf8').trim() : env['CLOUDHSM_SIM_HOST_TOKEN'];
  return { hosts, token: checkToken(token, '--hsm-host-token-file FILE, CLOUDHSM_SIM_HOST_TOKEN_FILE or CLOUDHSM_SIM_HOST_TOKEN') };
}

/** `az=ZONE,addr=HOST[:PORT]`, several separated by newlines (a repeated flag) or ';'. */
export function parseHsmHostFlag(text: string): HsmHostSpec[] {
  return text
    .split(/[\n;]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const fields = Object.fromEntries(entry.split(',').map((pair) => pair.split(/=(.*)/s, 2).map((part) => part.trim()) as [string, string | undefined]));
      const unknown = Object.keys(fields).filter((name) => name !== 'az' && name !== 'addr');
      if (unknown.length > 0 || !fields['az'] || !fields['addr']) {
        throw new Error(`--hsm-host must be az=ZONE,addr=HOST[:PORT], not "${entry}"`);
      }
      return { availabilityZone: checkZone(fields['az']), ...parseAddress(fields['addr']) };
    });
}

export function parseHsmHostsFile(file: string): HsmHostSpec[] {
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`--hsm-hosts ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(entries)) throw new Error(`--hsm-hosts ${file}: a JSON list of {"availabilityZone", "address"} is needed`);
  return entries.map((entry: unknown, index) => {
    const { availabilityZone, address } = (entry ?? {}) as Record<string, unknown>;
    if (typeof availabilityZone !== 'string' || typeof address !== 'string') {
      throw new Error(`--hsm-hosts ${file}: entry ${index} needs "availabilityZone" and "address" strings`);
    }
    return { availabilityZone: checkZone(availabilityZone), ...parseAddress(address) };
  });
}

function checkZone(zone: string): string {
  if (/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(zone)) return zone;
  throw new Error(`"${zone}" is not an Availability Zone name (like us-east-1a)`);
}

/** HOST, HOST:PORT, [IPv6]:PORT. */
function parseAddress(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d{1,5}))?$/.exec(text);
  const port = match?.[3] === undefined ? DEFAULT_HSM_HOST_PORT : Number(match[3]);
  if (!match || port < 1 || port > 65_535) throw new Error(`"${text}" is not HOST[:PORT]`);
  return { host: match[1] ?? match[2]!, port };
}
