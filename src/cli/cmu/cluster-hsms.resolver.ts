// cmu --cluster-id ID --endpoint URL: asks the simulator where the cluster's HSMs listen, instead of
// reading the addresses from cloudhsm_mgmt_util's configuration file as the real tool does.

import { callSimRoute, SimAdminError } from '../../shared/sim-route.client';
import { CommandLineError } from './command-line-error';
import type { HsmEndpoint } from './hsm-endpoint';

interface ClusterHsms {
  readonly Hsms: readonly { readonly HsmId: string; readonly Host?: string; readonly ManagementPort?: number }[];
}

export async function resolveClusterHsms(cluster: { readonly clusterId: string; readonly endpoint: string }): Promise<HsmEndpoint[]> {
  const path = `/_sim/clusters/${encodeURIComponent(cluster.clusterId)}/hsms`;
  let answer: ClusterHsms;
  try {
    answer = await callSimRoute<ClusterHsms>(cluster.endpoint, 'GET', path);
  } catch (error) {
    if (!(error instanceof SimAdminError)) throw error;
    if (error.status === undefined) throw new CommandLineError(`cannot reach the simulator at ${cluster.endpoint}: ${error.message}`);
    if (error.status === 404) throw new CommandLineError(`the simulator at ${cluster.endpoint} has no cluster ${cluster.clusterId}`);
    throw new CommandLineError(`the simulator at ${cluster.endpoint} answered ${error.status} for ${path}: ${error.routeMessage ?? ''}`);
  }
  const { Hsms } = answer;
  const running = Hsms.flatMap((hsm) => (hsm.Host && hsm.ManagementPort ? [{ host: hsm.Host, port: hsm.ManagementPort }] : []));
  if (running.length === 0) throw new CommandLineError(`cluster ${cluster.clusterId} has no running HSM yet: create one (aws cloudhsmv2 create-hsm) and wait until it is ACTIVE`);
  return running;
}
