// HSM addresses given on an admin tool's command line: HOST:PORT, repeatable or comma-separated.

import { CommandLineError } from './command-line-error';

export interface HsmEndpoint {
  readonly host: string;
  readonly port: number;
}

const ENDPOINT = /^(?:\[(?<bracketed>[^\]]+)\]|(?<host>[^:\s]+)):(?<port>\d{1,5})$/;

/** Every HOST:PORT of the option's values, in the order given; `[v6]:port` for IPv6. */
export function parseHsmEndpoints(values: readonly string[], option: string): HsmEndpoint[] {
  return values
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => parseHsmEndpoint(entry, option));
}

function parseHsmEndpoint(entry: string, option: string): HsmEndpoint {
  const groups = ENDPOINT.exec(entry)?.groups;
  const port = Number(groups?.port);
  const host = groups?.bracketed ?? groups?.host;
  if (host === undefined || port < 1 || port > 65535) {
    throw new CommandLineError(`${option} ${entry}: give HOST:PORT, for example 10.0.2.9:2225`);
  }
  return { host, port };
}
