// The CloudHSM half of the seed procedure, done as a user does it (aws CLI, openssl, cmu), for tests of
// what comes after: an ACTIVE cluster with two HSMs in two AZs and kmsuser/kmsPswd on both.

import { execFile } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AwsCli } from './aws-cli';
import { runCmuScript } from './cmu-script';
import type { SimulatorProcess } from './simulator-process';
import { waitFor } from './wait-for';

const run = promisify(execFile);
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'pki');
export const ADMIN_PASSWORD = 'Admin-pass1';

interface ClusterState {
  readonly State: string;
  readonly Hsms: readonly { readonly State: string }[];
  readonly Certificates: { readonly ClusterCsr?: string };
}

export interface ActiveCluster {
  readonly clusterId: string;
  /** customerCA.crt, the trust anchor, in the simulator's data folder. */
  readonly trustAnchorFile: string;
  cmu(lines: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export async function buildActiveCluster(aws: AwsCli, simulator: SimulatorProcess, region = 'us-east-2'): Promise<ActiveCluster> {
  const dir = simulator.dataDir;
  for (const name of ['customerCA.crt', 'customerCA.key']) copyFileSync(join(FIXTURES, name), join(dir, name));
  const { Subnets } = await aws.json<{ Subnets: { SubnetId: string }[] }>('ec2', 'describe-subnets');
  const { Cluster } = await aws.json<{ Cluster: { ClusterId: string } }>('cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', Subnets[0]!.SubnetId, Subnets[1]!.SubnetId);
  const clusterId = Cluster.ClusterId;
  const describe = async (): Promise<ClusterState> =>
    (await aws.json<{ Clusters: ClusterState[] }>('cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${clusterId}`)).Clusters[0]!;
  const inState = (state: string) => async () => ((await describe()).State === state ? true : undefined);

  await waitFor('UNINITIALIZED', inState('UNINITIALIZED'));
  await aws.json('cloudhsmv2', 'create-hsm', '--cluster-id', clusterId, '--availability-zone', `${region}a`);
  writeFileSync(join(dir, 'cluster.csr'), await waitFor('the CSR', async () => (await describe()).Certificates.ClusterCsr));
  await run('openssl', ['x509', '-req', '-days', '3652', '-in', join(dir, 'cluster.csr'), '-CA', join(dir, 'customerCA.crt'), '-CAkey', join(dir, 'customerCA.key'), '-CAcreateserial', '-out', join(dir, 'cluster.crt')]);
  await aws.json('cloudhsmv2', 'initialize-cluster', '--cluster-id', clusterId, '--signed-cert', `file://${join(dir, 'cluster.crt')}`, '--trust-anchor', `file://${join(dir, 'customerCA.crt')}`);
  await waitFor('INITIALIZED', inState('INITIALIZED'));

  const trustAnchorFile = join(dir, 'customerCA.crt');
  const cmu = (lines: readonly string[]) => runCmuScript(['--ca-file', trustAnchorFile, '--cluster-id', clusterId, '--endpoint', simulator.endpoint], lines);
  const activation = await cmu(['loginHSM PRECO admin password', `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'logoutHSM', `loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU kmsuser kmsPswd', 'y', 'quit']);
  if (activation.code !== 0) throw new Error(`cmu activation failed: ${activation.stderr}`);
  await waitFor('ACTIVE', inState('ACTIVE'));
  await aws.json('cloudhsmv2', 'create-hsm', '--cluster-id', clusterId, '--availability-zone', `${region}b`);
  await waitFor('two ACTIVE HSMs', async () => {
    const { Hsms } = await describe();
    return Hsms.length === 2 && Hsms.every((hsm) => hsm.State === 'ACTIVE') ? true : undefined;
  });
  return { clusterId, trustAnchorFile, cmu };
}
