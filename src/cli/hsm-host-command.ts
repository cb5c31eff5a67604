// `cloudhsm-sim hsm-host`: the HSM host agent in the foreground. A control plane started with
// --hsm-host az=ZONE,addr=THIS-HOST:PORT places the HSMs of ZONE here; they stop with the agent.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { HsmHostAgent } from '../../hsm-sim/hosts/hsm-host-agent';
import { checkToken } from '../../hsm-sim/hosts/host-psk-tls';

const NODE_ENTRY = join(__dirname, '..', '..', 'hsm-sim', 'node-process', 'node-main.js');
export const DEFAULT_HSM_HOST_LISTEN = '0.0.0.0:7400';

export async function hsmHostCommand(flags: Readonly<Record<string, string>>, print: (line: string) => void, warn: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const listen = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(flags['listen'] ?? DEFAULT_HSM_HOST_LISTEN);
  if (!listen) {
    warn(`cloudhsm-sim hsm-host: --listen must be ADDRESS:PORT, not "${flags['listen']}"`);
    return 2;
  }
  let token: string;
  try {
    token = checkToken(flags['token-file'] ? readFileSync(flags['token-file'], 'utf8').trim() : env['CLOUDHSM_SIM_HOST_TOKEN']);
  } catch (error) {
    warn(`cloudhsm-sim hsm-host: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const dataDir = resolve(flags['data-dir'] ?? env['CLOUDHSM_SIM_DATA_DIR'] ?? join(homedir(), '.cloudhsm-sim-host'));
  const softHsmLibrary = flags['softhsm-library'] ?? env['SOFTHSM2_LIB'];
  const agent = new HsmHostAgent({
    listenHost: listen[1] ?? listen[2]!,
    listenPort: Number(listen[3]),
    dataDir,
    token,
    nodeEntry: NODE_ENTRY,
    ...(flags['advertise'] ? { advertise: flags['advertise'] } : {}),
    ...(softHsmLibrary ? { softHsmLibrary } : {}),
    log: (event, details = {}) => print(JSON.stringify({ time: new Date().toISOString(), event, ...details })),
  });
  const address = await agent.listen();
  print(`cloudhsm-sim hsm-host: listening on ${address.address}:${address.port}, HSM folders in ${join(dataDir, 'hsms')}`);
  print('cloudhsm-sim hsm-host: ready');
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  print('cloudhsm-sim hsm-host: stopping');
  await agent.close();
  return 0;
}
