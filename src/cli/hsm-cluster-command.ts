// `cloudhsm-sim hsm-cluster`: runs a cluster's HSM processes in the foreground, on their real ports
// 2223-2225, until Ctrl-C. The admin tools (cmu, cli) connect to them.

import { join } from 'node:path';
import { loadSimulatorConfig } from '../main/simulator-config';
import { HSM_PORTS, INITIAL_PRECO_PASSWORD, LocalCluster } from './hsm-cluster/local-cluster';

const NODE_ENTRY = join(__dirname, '..', '..', 'hsm-sim', 'node-process', 'node-main.js');
const DEFAULT_HSMS = 3;
const MAX_HSMS = 28;

export async function hsmClusterCommand(flags: Record<string, string>, print: (line: string) => void): Promise<number> {
  const config = loadSimulatorConfig(flags);
  const size = Number(flags.hsms ?? DEFAULT_HSMS);
  if (!Number.isInteger(size) || size < 1 || size > MAX_HSMS) {
    throw new Error(`--hsms must be a whole number from 1 to ${MAX_HSMS} (aws-behaviour 8.2: HSMs per cluster), not "${flags.hsms}"`);
  }
  const cluster = await LocalCluster.start(
    {
      directory: join(config.dataDir, 'hsm-cluster'),
      nodeEntry: NODE_ENTRY,
      engine: config.engine,
      ...(config.softHsmLibrary ? { softHsmLibrary: config.softHsmLibrary } : {}),
    },
    size,
  );
  print(`cloudhsm-sim: cluster ${cluster.clusterId} with ${cluster.members.length} HSM(s), state in ${join(config.dataDir, 'hsm-cluster')}`);
  for (const member of cluster.members) {
    print(`  ${member.hsmId}  ENI ${member.eniIp} -> ${member.host}:${HSM_PORTS.crypto}-${HSM_PORTS.management}`);
  }
  const hsms = cluster.members.map((member) => `${member.host}:${HSM_PORTS.management}`).join(',');
  print(`cloudhsm-sim: until the cluster is activated, user 'admin' is the PRECO with password '${INITIAL_PRECO_PASSWORD}'.`);
  print(`cloudhsm-sim: try  npm run cmu -- --ca-file ${cluster.caFile} --hsm ${hsms}`);
  print('cloudhsm-sim: Ctrl-C stops the HSMs; starting again brings them back with their users and keys.');
  cluster.fleet.on('died', (hsmId, code, signal) => print(`cloudhsm-sim: HSM ${hsmId} died (code ${code}, signal ${signal})`));

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  print('cloudhsm-sim: stopping the HSMs');
  await cluster.stop();
  return 0;
}
