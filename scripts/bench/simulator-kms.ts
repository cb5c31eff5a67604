// Starts the simulator as the e2e tests do (time scale 0, ephemeral HSM ports) and seeds it as the README
// shows: an ACTIVE 2-HSM cluster, a custom key store on it, CONNECTED. Keys go into that store.
// AWS's quota of 1,800 requests/s per store is lifted, so the rows show what the simulator itself can do.

import { buildActiveCluster } from '../../test/e2e/support/active-cluster';
import { AwsCli } from '../../test/e2e/support/aws-cli';
import { SimulatorProcess } from '../../test/e2e/support/simulator-process';
import { waitFor } from '../../test/e2e/support/wait-for';
import { KMS_REGION } from './kms-client';
import type { RunningKms } from './kms-fixture';

/** The engine column of its rows. */
export const SIMULATOR_LABEL = 'cloudhsm-sim';
/** The same simulator with its HSM processes started without the fault seams (`--fault-layer off`). */
export const NO_FAULT_LAYER_LABEL = 'cloudhsm-sim, no fault layer';
const CONNECT_TIMEOUT_MS = 60_000;

export async function startSimulatorKms(extraFlags: readonly string[] = []): Promise<RunningKms> {
  const simulator = await SimulatorProcess.start(undefined, ['--key-store-request-rate', '0', ...extraFlags]);
  try {
    const customKeyStoreId = await connectedKeyStore(simulator);
    return {
      endpoint: simulator.endpoint,
      keySpec: { Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: customKeyStoreId },
      deletesKeysAtOnce: true,
      ...(simulator.pid === undefined ? {} : { pid: simulator.pid }),
      stop: () => simulator.destroy(),
    };
  } catch (error) {
    await simulator.destroy();
    throw error;
  }
}

async function connectedKeyStore(simulator: SimulatorProcess): Promise<string> {
  const aws = new AwsCli(simulator.endpoint, KMS_REGION);
  const cluster = await buildActiveCluster(aws, simulator, KMS_REGION);
  const { CustomKeyStoreId } = await aws.json<{ CustomKeyStoreId: string }>(
    'kms', 'create-custom-key-store', '--custom-key-store-name', 'BenchKeyStore', '--cloud-hsm-cluster-id', cluster.clusterId,
    '--key-store-password', 'kmsPswd', '--trust-anchor-certificate', `file://${cluster.trustAnchorFile}`,
  );
  await aws.json('kms', 'connect-custom-key-store', '--custom-key-store-id', CustomKeyStoreId);
  await waitFor(
    'a CONNECTED key store',
    async () => {
      const { CustomKeyStores } = await aws.json<{ CustomKeyStores: { ConnectionState: string }[] }>(
        'kms', 'describe-custom-key-stores', '--custom-key-store-id', CustomKeyStoreId,
      );
      const state = CustomKeyStores[0]?.ConnectionState;
      if (state === 'FAILED') throw new Error(`custom key store ${CustomKeyStoreId} failed to connect`);
      return state === 'CONNECTED' ? true : undefined;
    },
    CONNECT_TIMEOUT_MS,
  );
  return CustomKeyStoreId;
}
