// `cloudhsm-sim cmu`: a cloudhsm_mgmt_util-compatible shell over the management ports of a cluster's HSMs.

import { CMU_COMMANDS } from './cmu-commands.table';
import { CMU_USAGE, parseCmuOptions } from './cmu-options';
import { CmuSession } from './cmu-session';
import { runCmuShell } from './cmu-shell';
import { CommandLineError } from './command-line-error';
import { closeHsms, connectHsms, isConnected, type HsmConnection } from './hsm-connections';
import type { ShellIo } from './shell-io';
import { resolveClusterHsms } from './cluster-hsms.resolver';
import { readTrustAnchor } from './trust-anchor-file';

export async function cmuCommand(args: readonly string[], io: ShellIo): Promise<number> {
  try {
    return await runCmu(args, io);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    io.warn(`cloudhsm-sim cmu: ${error.message}`);
    return 2;
  } finally {
    io.close();
  }
}

async function runCmu(args: readonly string[], io: ShellIo): Promise<number> {
  const options = parseCmuOptions(args);
  if (options === undefined) {
    io.print(CMU_USAGE);
    return 0;
  }
  const trustAnchorPem = await readTrustAnchor(options.caFile);
  io.print('');
  io.print('Connecting to the server(s), it may take time');
  io.print('depending on the server(s) load, please wait...');
  io.print('');
  const hsms = 'clusterId' in options.hsms ? await resolveClusterHsms(options.hsms) : options.hsms;
  const servers = await connectHsms(hsms, trustAnchorPem);
  for (const line of servers.flatMap(connectionLines)) io.print(line);
  try {
    if (!servers.some(isConnected)) {
      io.warn('cloudhsm-sim cmu: no HSM could be reached; nothing to do');
      return 1;
    }
    await runCmuShell(new CmuSession(servers, io), CMU_COMMANDS);
    return 0;
  } finally {
    await closeHsms(servers);
  }
}

function connectionLines(server: HsmConnection): string[] {
  const { host, port } = server.endpoint;
  const connecting = `Connecting to server '${host}': hostname '${host}', port ${port}...`;
  // SIM: the warning for an unreachable HSM is the simulator's; real cmu leaves it out of every later command too
  if (!isConnected(server)) return [connecting, `Warning: could not connect to server ${server.index} '${host}' port ${port}: ${server.failure}; commands will not run on it`];
  return [connecting, `Connected to server '${host}': hostname '${host}', port ${port}.`];
}
