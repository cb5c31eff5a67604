// A first HSM's launch on the in-memory engine, on 127.0.0.1 with system-chosen ports, for agent tests.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NodeLaunch } from '../../../../hsm-sim/fleet/node-launch.types';
import { createHardwareCa, createHsmIdentity } from '../../../../hsm-sim/node/certificates';

export const NODE_ENTRY = join(__dirname, '..', '..', '..', '..', 'hsm-sim', 'node-process', 'node-main.js');

export function startInMemoryLaunch(directory: string, hsmId = 'hsm-link0test'): NodeLaunch {
  const ca = createHardwareCa();
  return {
    hsmId,
    clusterId: 'cluster-link0test',
    serialNumber: '1001',
    slot: 0,
    directory,
    host: '127.0.0.1',
    ports: { crypto: 0, sync: 0, management: 0 },
    clusterSyncKeyHex: randomBytes(32).toString('hex'),
    firstHsm: true,
    preCoPassword: 'password',
    tls: createHsmIdentity(ca, { hsmId, ip: '127.0.0.1' }),
    trustedCaPems: [ca.certPem],
    peers: [],
    engine: 'in-memory',
  };
}
